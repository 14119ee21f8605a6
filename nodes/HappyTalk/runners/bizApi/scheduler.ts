import { sleep } from 'n8n-workflow';

/**
 * Runs one task per item: items with the same key (a room, or a customer) strictly one after
 * another in input order, different keys concurrently, at most `concurrency` at a time. Longer
 * chains start first, so the run ends close to max(total / concurrency, longest chain).
 * A task that throws stops new tasks from starting; running ones finish, then the first error
 * is thrown.
 */
export async function runInKeyOrder(
	entries: Array<{ itemIndex: number; key: string }>,
	concurrency: number,
	task: (itemIndex: number) => Promise<void>,
): Promise<void> {
	const chains = new Map<string, number[]>();
	for (const { itemIndex, key } of entries) {
		const chain = chains.get(key);
		if (chain) chain.push(itemIndex);
		else chains.set(key, [itemIndex]);
	}
	const queue = [...chains.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
	let failure: { error: unknown } | undefined;

	const worker = async () => {
		for (let chain = queue.shift(); chain && !failure; chain = queue.shift()) {
			for (const itemIndex of chain) {
				if (failure) return;
				try {
					await task(itemIndex);
				} catch (error) {
					failure ??= { error };
					return;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
	if (failure) throw failure.error;
}

/**
 * Where every request (retries included) waits for its turn: at most `perSecond` starts a second
 * across all rooms; 0 means none. A 429 can only lower the ceiling: from then on the whole run
 * keeps to as many requests a second as HappyTalk accepted in the second before the refused one
 * (its limit, learned). (Pausing every room on each 429 was measured and dropped: with the
 * ceiling at the limit, the rare 429 at a window's edge then cost the whole node a second each
 * time.)
 */
export function requestGate(perSecond: number) {
	let interval = perSecond > 0 ? 1000 / perSecond : 0;
	let next = 0;
	// Start times of requests HappyTalk let through (anything but a 429), about the last two seconds.
	const acceptedStarts: number[] = [];
	return {
		/** Resolves when a request may start; returns its start time. */
		async wait(): Promise<number> {
			const now = Date.now();
			const slot = Math.max(now, next);
			next = slot + interval;
			if (slot > now) await sleep(slot - now);
			return slot;
		},
		accepted(startedAt: number) {
			acceptedStarts.push(startedAt);
			while (acceptedStarts[0] < startedAt - 2000) acceptedStarts.shift();
		},
		rateLimited(startedAt: number) {
			const learned = acceptedStarts.filter((start) => start > startedAt - 1000 && start <= startedAt).length;
			interval = Math.max(interval, 1000 / Math.max(1, learned));
		},
	};
}

export type RequestGate = ReturnType<typeof requestGate>;
