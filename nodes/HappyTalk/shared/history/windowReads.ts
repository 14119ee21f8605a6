import { customerFailOf } from '../../errors/customerApi/failCodeError';
import { addDays } from './kstDates';
import { OVER_DATE, type DateWindow, type WindowWalk } from './windowTypes';

// A window's answer read whole, and the reads beyond it: a day alone, the day after the range.

/** The window's items as they come; with `mayBeCut`, read whole first, and whether they may be cut. */
export async function answerOf<T>(items: AsyncIterable<T>, walk: WindowWalk<T>) {
	if (!walk.mayBeCut) return { items, cut: false, count: 0 };
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return { items: fromArray(all), cut: walk.mayBeCut(all), count: all.length };
}

/**
 * The day alone (`sdate` = `edate`), read whole: undefined when HappyTalk refuses it with -504,
 * which may come while its pages are read.
 */
export async function dayAlone<T>(day: string, readWindow: (window: DateWindow) => AsyncIterable<T>, walk: WindowWalk<T>) {
	const all: T[] = [];
	// The transport's NodeApiErrors pass on as they are: only -504 is handled here.
	let refusal: unknown;
	try {
		for await (const item of readWindow({ sdate: day, edate: day })) all.push(item);
	} catch (error) {
		refusal = error;
	}
	if (refusal !== undefined) {
		if (customerFailOf(refusal)?.code !== OVER_DATE) throw refusal;
		return undefined;
	}
	return { items: fromArray(all), cut: walk.mayBeCut?.(all) ?? false, count: all.length };
}

export async function* concat<T>(first: AsyncIterable<T>, second: AsyncIterable<T>): AsyncGenerator<T> {
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
export function beyondEnd<T>(end: string, readWindow: (window: DateWindow) => AsyncIterable<T>, walk: WindowWalk<T>) {
	const next = addDays(end, 1);
	let listed: Promise<Set<string>> | undefined;
	const read = async () => {
		const answer = await dayAlone(next, readWindow, walk);
		const ids = new Set<string>();
		if (!answer) return ids;
		if (answer.cut) walk.onCut?.({ sdate: next, edate: next }, answer.count);
		for await (const item of answer.items) ids.add(walk.idOf(item));
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
