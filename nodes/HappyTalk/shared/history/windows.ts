import { customerFailOf } from '../../errors/customerApi/failCodeError';
import type { HistoryFilters } from './filters.schema';
import { addDays, daysFromTo } from './kstDates';
import { answerOf, beyondEnd, concat, dayAlone } from './windowReads';
import { firstPace, OVER_DATE, type DateWindow, type WindowWalk } from './windowTypes';

export { firstPace, type DateWindow, type WindowPace, type WindowWalk } from './windowTypes';

/**
 * Reads the filters' date range window after window, in the requested order (newest days first
 * for "desc"), each item once (by `idOf`).
 * - The spec does not say whether `edate` is in the range. Each window is sent with the day after
 *   its last as `edate`: where HappyTalk leaves `edate` out, it answers the window's days; where it
 *   counts it in, the extra day is the next window's first, read again and dropped as seen. At
 *   the range's end, an item that carries a day past it (`daysOf`) is dropped when HappyTalk lists
 *   it for that day alone (`sdate` = `edate` = the day after the range): under either reading of
 *   which date the range selects by, those are the rooms the extra day brought, and where `edate`
 *   is left out, that query lists nothing.
 * - The spec names `-504 overDate` but no maximum span: windows start at HISTORY_WINDOW_DAYS days
 *   as sent, and a window HappyTalk refuses with -504 is read again as windows of half its days
 *   (down to one), which then stay the size for the rest of the range. One day refused as two
 *   (`edate` counted in) is asked for as `sdate` = `edate` from then on; only that refused is an
 *   error. A window refused after some of its pages were read is read again.
 * - With `mayBeCut`, an answer that may have been cut short is read again as windows of half its
 *   days, down to one; a day still cut is also asked for alone (`sdate` = `edate`), which is that
 *   day where HappyTalk counts `edate` in. `onCut` hears of a day that may still be cut: that
 *   answer cut too, or empty (where `edate` is left out it always is, and the day was cut).
 */
export async function* inDateWindows<T>(
	filters: HistoryFilters,
	readWindow: (window: DateWindow) => AsyncIterable<T>,
	walk: WindowWalk<T>,
): AsyncGenerator<T> {
	const seen = new Set<string>();
	const firstTime = (item: T) => {
		const id = walk.idOf(item);
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	};
	if (filters.sdate === undefined || filters.edate === undefined) {
		const answer = await answerOf(readWindow({}), walk);
		if (answer.cut) walk.onCut?.({}, answer.count);
		for await (const item of answer.items) if (firstTime(item)) yield item;
		return;
	}
	const pace = walk.pace ?? firstPace();
	const newestFirst = filters.sort_value === 'desc';
	const beyond = beyondEnd(filters.edate, readWindow, walk);
	// The days not read yet: [from, to].
	let from = filters.sdate;
	let to = filters.edate;
	while (daysFromTo(from, to) >= 0) {
		const days = Math.min(pace.days, daysFromTo(from, to) + 1);
		const first = newestFirst ? addDays(to, 1 - days) : from;
		const last = addDays(first, days - 1);
		const window = { sdate: first, edate: pace.sameDayEdate ? last : addDays(last, 1) };
		// Errors here are the transport's NodeApiErrors already: only -504 is handled, the rest pass on.
		let refusal: unknown;
		try {
			const answer = await answerOf(readWindow(window), walk);
			if (answer.cut && days > 1) {
				pace.days = Math.ceil(days / 2);
				continue;
			}
			let items = answer.items;
			if (answer.cut) {
				// One day sent as two: the day alone may be whole where edate is counted in.
				const alone = pace.sameDayEdate ? undefined : await dayAlone(first, readWindow, walk);
				if (!alone || alone.cut || alone.count === 0) walk.onCut?.(window, answer.count);
				if (alone) items = concat(alone.items, answer.items);
			}
			for await (const item of items) {
				if (seen.has(walk.idOf(item))) continue;
				if (!pace.sameDayEdate && (await beyond.has(item))) continue;
				if (firstTime(item)) yield item;
			}
		} catch (error) {
			refusal = error;
		}
		if (refusal !== undefined) {
			if (customerFailOf(refusal)?.code !== OVER_DATE || (days === 1 && pace.sameDayEdate)) throw refusal;
			if (days > 1) pace.days = Math.ceil(days / 2);
			else pace.sameDayEdate = true;
			continue;
		}
		if (newestFirst) to = addDays(first, -1);
		else from = addDays(last, 1);
	}
}

