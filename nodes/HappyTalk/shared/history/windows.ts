import { customerFailOf } from '../../errors/customerApi/failCodeError';
import { HISTORY_WINDOW_DAYS, type HistoryFilters } from './filters.schema';
import { addDays, daysFromTo } from './kstDates';

export interface DateWindow {
	sdate?: string;
	edate?: string;
}

/**
 * What a walk learns of HappyTalk's ranges and keeps for the rest of it (the Counseling Trigger
 * keeps it between polls): `days`, the new days a window reads; `sameDayEdate`, set when HappyTalk
 * refused one day sent as `sdate` … the day after (so it counts `edate` in, and allows one day).
 */
export interface WindowPace {
	days: number;
	sameDayEdate: boolean;
}

/** A window of `days` new days is sent as days + 1 (see inDateWindows): at most HISTORY_WINDOW_DAYS. */
export const firstPace = (): WindowPace => ({ days: HISTORY_WINDOW_DAYS - 1, sameDayEdate: false });

export interface WindowWalk<T> {
	idOf(item: T): string;
	/** The days (Y-m-d) an item carries (opened, completed); with it, the walk keeps to the range's end. */
	daysOf?(item: T): string[];
	pace?: WindowPace;
	/** With it, a window is read whole first; true when its answer may have been cut short. */
	mayBeCut?(items: T[]): boolean;
	/** A window (or the search without dates) whose answer may be cut, and that cannot be split. */
	onCut?(window: DateWindow, count: number): void;
}

/** HappyTalk's "the range is longer than I allow" (customer-api.md, fail codes). */
const OVER_DATE = -504;

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

/** The window's items as they come; with `mayBeCut`, read whole first, and whether they may be cut. */
async function answerOf<T>(items: AsyncIterable<T>, walk: WindowWalk<T>) {
	if (!walk.mayBeCut) return { items, cut: false, count: 0 };
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return { items: fromArray(all), cut: walk.mayBeCut(all), count: all.length };
}

/** The day alone (`sdate` = `edate`); undefined when HappyTalk refuses it with -504. */
async function dayAlone<T>(day: string, readWindow: (window: DateWindow) => AsyncIterable<T>, walk: WindowWalk<T>) {
	let refusal: unknown;
	try {
		return await answerOf(readWindow({ sdate: day, edate: day }), walk);
	} catch (error) {
		refusal = error;
	}
	if (customerFailOf(refusal)?.code !== OVER_DATE) throw refusal;
	return undefined;
}

async function* concat<T>(first: AsyncIterable<T>, second: AsyncIterable<T>): AsyncGenerator<T> {
	yield* first;
	yield* second;
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
	yield* items;
}

/**
 * Whether an item came only from the day after the range's end: asked of items that carry a day
 * past the end, with HappyTalk's list for that day alone read once, when first needed. A -504
 * for that one day means HappyTalk does not count `edate` in (else it would take one day): no
 * item came from it.
 */
function beyondEnd<T>(end: string, readWindow: (window: DateWindow) => AsyncIterable<T>, walk: WindowWalk<T>) {
	const next = addDays(end, 1);
	let listed: Promise<Set<string>> | undefined;
	const read = async () => {
		const ids = new Set<string>();
		let refusal: unknown;
		try {
			const day = { sdate: next, edate: next };
			const answer = await answerOf(readWindow(day), walk);
			if (answer.cut) walk.onCut?.(day, answer.count);
			for await (const item of answer.items) ids.add(walk.idOf(item));
		} catch (error) {
			refusal = error;
		}
		if (refusal !== undefined && customerFailOf(refusal)?.code !== OVER_DATE) throw refusal;
		return ids;
	};
	return {
		async has(item: T): Promise<boolean> {
			if (!walk.daysOf || !walk.daysOf(item).some((day) => day > end)) return false;
			listed ??= read();
			return (await listed).has(walk.idOf(item));
		},
	};
}
