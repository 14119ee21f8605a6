/**
 * The trigger's shared list of waiting executions (SharedRequests.fresh): under any interleaving of calls,
 * finished and failed requests, every caller gets the answer of a request that started after it
 * called (a reply must see every pause made before it came), at most one request per key is in
 * flight, and callers share requests instead of each making one.
 */
import fc from 'fast-check';

import { SharedRequests } from '../../nodes/HappyTalkTrigger/sharedRequests';

type Step = { kind: 'call'; key: 'a' | 'b' } | { kind: 'settle'; key: 'a' | 'b'; fail: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('call' as const),
		key: fc.constantFrom('a' as const, 'b' as const),
	}),
	fc.record({
		kind: fc.constant('settle' as const),
		key: fc.constantFrom('a' as const, 'b' as const),
		fail: fc.boolean(),
	}),
);

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('every caller gets the first request that starts at or after its call (so callers share it); one request in flight per key', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
			const shared = new SharedRequests<number>();
			/** Per key, the requests started, in order: each settles when a step says so. */
			const started: Record<string, Array<{ settle: (fail: boolean) => void; settled: boolean }>> = { a: [], b: [] };
			/** `startedBeforeCall`: the index the next request of its key will have when the caller calls. */
			const outcomes: Array<{
				key: string;
				startedBeforeCall: number;
				result?: number;
				failedRequest?: number;
			}> = [];
			for (const current of steps) {
				if (current.kind === 'call') {
					const key = current.key;
					const outcome: (typeof outcomes)[number] = {
						key,
						startedBeforeCall: started[key].length,
					};
					outcomes.push(outcome);
					shared
						.fresh(key, () => {
							const index = started[key].length;
							return new Promise<number>((resolve, reject) => {
								started[key].push({
									settled: false,
									settle: (fail) => (fail ? reject(Object.assign(new Error('refused'), { index })) : resolve(index)),
								});
							});
						})
						.then(
							(result) => (outcome.result = result),
							(error: { index: number }) => (outcome.failedRequest = error.index),
						);
				} else {
					const open = started[current.key].filter((request) => !request.settled);
					if (open.length > 0) {
						open[0].settled = true;
						open[0].settle(current.fail);
					}
				}
				await flush();
				for (const key of ['a', 'b']) expect(started[key].filter((request) => !request.settled).length).toBeLessThanOrEqual(1);
			}
			// Settle what is left, so every caller has its answer.
			for (let round = 0; round < 3; round++) {
				for (const key of ['a', 'b'])
					for (const request of started[key].filter((r) => !r.settled)) {
						request.settled = true;
						request.settle(false);
					}
				await flush();
			}
			// Answered (or failed) by exactly the first request that started at or after the call: never an
			// older one (it may have missed a pause), never a later one (callers of a burst share it).
			for (const outcome of outcomes) expect(outcome.result ?? outcome.failedRequest).toBe(outcome.startedBeforeCall);
			// And no request that no caller waited for.
			for (const key of ['a', 'b']) expect(started[key].length).toBe(new Set(outcomes.filter((o) => o.key === key).map((o) => o.startedBeforeCall)).size);
		}),
		{ numRuns: 300 },
	);
});

test('a request that throws at once fails its callers, and the next call asks again', async () => {
	const shared = new SharedRequests<string>();
	await expect(
		shared.fresh('k', () => {
			throw new Error('refused');
		}),
	).rejects.toThrow('refused');
	await expect(shared.fresh('k', async () => 'listed')).resolves.toBe('listed');
});

test('any: callers while a request is in flight share it, whenever it began; after it settles the next caller starts one', async () => {
	const shared = new SharedRequests<number>();
	let requests = 0;
	const release: Array<() => void> = [];
	const request = () => new Promise<number>((resolve) => release.push(() => resolve(++requests)));
	const first = shared.any('k', request);
	const second = shared.any('k', request);
	expect(release).toHaveLength(1);
	release[0]();
	await expect(Promise.all([first, second])).resolves.toEqual([1, 1]);
	const third = shared.any('k', request);
	expect(release).toHaveLength(2);
	release[1]();
	await expect(third).resolves.toBe(2);
});
