import type { IDataObject } from 'n8n-workflow';

import { koreaTimeToIso } from '../../../shared/history/kstDates';

/** The spec's dictionaries (customer-api.md, "Service usage history"), in words. */
const ENTRY_TYPES: Readonly<Record<string, string>> = { M: 'manual', A: 'automatic' };
const ENTRY_KINDS: Readonly<Record<string, string>> = { A: 'archive', K: 'key issuance', S: 'manager action' };
/** `apply_content` of a log-in row (로그인, "log-in"). */
const LOGIN = '로그인';

const inWords = (dictionary: Readonly<Record<string, string>>, value: unknown) => {
	const key = value === undefined || value === null ? '' : String(value);
	return dictionary[key] ?? `unknown (${key})`;
};

/**
 * One entry as an output item: plain fields first, then HappyTalk's exactly as they came. A `siem`
 * entry is a string: it becomes `{ format: 'siem', line }`. HappyTalk may answer objects for
 * `siem` too (a host that ignores `format`): an object is always read as a raw entry.
 */
export function entryOutput(entry: unknown): IDataObject {
	if (typeof entry === 'string') return { format: 'siem', line: entry };
	const raw = (entry && typeof entry === 'object' ? entry : { value: entry }) as IDataObject;
	return {
		format: 'raw',
		typeName: inWords(ENTRY_TYPES, raw.type),
		kindName: inWords(ENTRY_KINDS, raw.kind),
		isLogin: raw.apply_content === LOGIN,
		requestedAt: koreaTimeToIso(raw.request_date),
		appliedAt: koreaTimeToIso(raw.apply_date),
		...raw,
	};
}

/** What makes two answers' entries the same entry: HappyTalk's `id`, or a SIEM line itself. */
export function entryKey(entry: unknown): string {
	if (entry && typeof entry === 'object' && (entry as IDataObject).id !== undefined) return `id:${String((entry as IDataObject).id)}`;
	return `line:${typeof entry === 'string' ? entry : JSON.stringify(entry)}`;
}
