import { customerFailOf } from '../../errors/customerApi/failCodeError';
import { HISTORY_WINDOW_DAYS, type HistoryFilters } from './filters.schema';
import { addDays, daysFromTo } from './kstDates';

export interface DateWindow {
	sdate?: string;
	edate?: string;
}

/** HappyTalk's "the range is longer than I allow" (customer-api.md, fail codes). */
const OVER_DATE = -504;

/**
 * Reads the filters' date range window after window, in the requested order (newest days first
 * for "desc"). The spec names `-504 overDate` but no maximum span: windows start at
 * HISTORY_WINDOW_DAYS days, and a window HappyTalk refuses with -504 is read again as windows of
 * half its days (down to one day), which then stay the size for the rest of the range. Only a
 * refused single day is an error. A window refused after some of its pages were read is read
 * again: the caller drops rooms it has already seen.
 */
export async function* inDateWindows<T>(
	filters: HistoryFilters,
	readWindow: (window: DateWindow) => AsyncIterable<T>,
): AsyncGenerator<T> {
	if (filters.sdate === undefined || filters.edate === undefined) {
		yield* readWindow({});
		return;
	}
	const newestFirst = filters.sort_value === 'desc';
	let size = HISTORY_WINDOW_DAYS;
	// The days not read yet: [from, to].
	let from = filters.sdate;
	let to = filters.edate;
	while (daysFromTo(from, to) >= 0) {
		const days = Math.min(size, daysFromTo(from, to) + 1);
		const window = newestFirst ? { sdate: addDays(to, 1 - days), edate: to } : { sdate: from, edate: addDays(from, days - 1) };
		// Errors here are the transport's NodeApiErrors already: only -504 is handled, the rest pass on.
		let refusal: unknown;
		try {
			yield* readWindow(window);
		} catch (error) {
			refusal = error;
		}
		if (refusal !== undefined) {
			if (customerFailOf(refusal)?.code !== OVER_DATE || days === 1) throw refusal;
			size = Math.ceil(days / 2);
			continue;
		}
		if (newestFirst) to = addDays(window.sdate, -1);
		else from = addDays(window.edate, 1);
	}
}
