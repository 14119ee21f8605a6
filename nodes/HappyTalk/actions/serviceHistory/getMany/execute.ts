import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readCustomerApiSettings } from '../../../shared/history/settings';
import type { CustomerApiPlan } from '../../../shared/operation';
import { parseRequestBody } from '../../../shared/validate';
import { toKoreaDateTime } from './dates';
import { entryKey, entryOutput } from './entryOutput';
import { SERVICE_HISTORY_ENDPOINTS, serviceHistoryFields, serviceHistorySettings } from './schema';
import { koreaDateTimeToMs, msToKoreaDateTime, serviceHistoryWindows } from './windows';

const DAY_MS = 86400000;

/**
 * Service Usage History → Get Many: one request per Korean calendar day of the range, newest day
 * first, one item per entry (newest first), each entry once even if two answers repeat it.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan {
	const given = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : value);
	const asDateTime = (value: unknown, endOfDay: boolean) =>
		given(value) === undefined ? undefined : (toKoreaDateTime(value, endOfDay) ?? String(value));
	const end = asDateTime(this.getNodeParameter('end', itemIndex, ''), true) ?? msToKoreaDateTime(Math.floor(Date.now() / 1000) * 1000);
	const start =
		asDateTime(this.getNodeParameter('start', itemIndex, ''), false) ??
		(Number.isNaN(koreaDateTimeToMs(end)) ? end : msToKoreaDateTime(koreaDateTimeToMs(end) - DAY_MS + 1000));
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as unknown;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const settings = parseRequestBody(
		serviceHistorySettings,
		{
			start_date: start,
			end_date: end,
			format: this.getNodeParameter('format', itemIndex, 'raw'),
			endpoint: options.endpoint ?? 'customer',
			returnAll,
			...(returnAll === true ? {} : { limit: this.getNodeParameter('limit', itemIndex, 50) }),
		},
		serviceHistoryFields,
		this.getNode(),
		itemIndex,
	);
	const endpoint = SERVICE_HISTORY_ENDPOINTS[settings.endpoint];
	return {
		settings: readCustomerApiSettings.call(this, itemIndex),
		hosts: endpoint.hosts,
		async run(call) {
			const entries: IDataObject[] = [];
			const seen = new Set<string>();
			for (const window of serviceHistoryWindows(settings.start_date, settings.end_date)) {
				const answer = await call(endpoint.path, { ...window, format: settings.format });
				for (const entry of newestFirst(Array.isArray(answer.data) ? answer.data : [])) {
					const key = entryKey(entry);
					if (seen.has(key)) continue;
					seen.add(key);
					entries.push(entryOutput(entry));
					if (settings.limit !== undefined && entries.length >= settings.limit) return entries;
				}
			}
			return entries;
		},
	};
}

/** HappyTalk's order is not documented: objects by request_date, then id, newest first; lines as they came. */
function newestFirst(data: unknown[]): unknown[] {
	if (!data.every((entry) => entry && typeof entry === 'object')) return data;
	const idOf = (entry: IDataObject) => (Number.isFinite(Number(entry.id)) ? Number(entry.id) : 0);
	return [...(data as IDataObject[])].sort(
		(a, b) => String(b.request_date ?? '').localeCompare(String(a.request_date ?? '')) || idOf(b) - idOf(a),
	);
}
