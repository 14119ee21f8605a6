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

/** The day alone (`sdate` = `edate`); undefined when HappyTalk refuses it with -504. */
export async function dayAlone<T>(day: string, readWindow: (window: DateWindow) => AsyncIterable<T>, walk: WindowWalk<T>) {
	let refusal: unknown;
	try {
		return await answerOf(readWindow({ sdate: day, edate: day }), walk);
	} catch (error) {
		refusal = error;
	}
	if (customerFailOf(refusal)?.code !== OVER_DATE) throw refusal;
	return undefined;
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
