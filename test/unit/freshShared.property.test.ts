/**
 * The trigger's shared list of waiting executions (FreshShared): under any interleaving of calls,
 * finished and failed requests, every caller gets the answer of a request that started after it
 * called (a reply must see every pause made before it came), at most one request per key is in
 * flight, and callers share requests instead of each making one.
 */
import fc from 'fast-check';

import { FreshShared } from '../../nodes/HappyTalkTrigger/freshShared';

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

test('every caller gets a request started after its call; one request in flight per key; callers share', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
			const shared = new FreshShared<number>();
			/** Per key, the requests started, in order: each settles when a step says so. */
			const started: Record<string, Array<{ settle: (fail: boolean) => void; settled: boolean }>> = { a: [], b: [] };
			const outcomes: Array<{
				key: string;
				startedBeforeCall: number;
				result?: number;
				failed?: boolean;
			}> = [];
			let calls = 0;
			let settles = 0;
			for (const current of steps) {
				if (current.kind === 'call') {
					calls++;
					const key = current.key;
					const outcome: (typeof outcomes)[number] = {
						key,
						startedBeforeCall: started[key].length,
					};
					outcomes.push(outcome);
					shared
						.get(key, () => {
							const index = started[key].length;
							return new Promise<number>((resolve, reject) => {
								started[key].push({
									settled: false,
									settle: (fail) => (fail ? reject(new Error(`request ${index} failed`)) : resolve(index)),
								});
							});
						})
						.then(
							(result) => (outcome.result = result),
							() => (outcome.failed = true),
						);
				} else {
					const open = started[current.key].filter((request) => !request.settled);
					if (open.length > 0) {
						settles++;
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
						settles++;
						request.settled = true;
						request.settle(false);
					}
				await flush();
			}
			for (const outcome of outcomes) {
				expect(outcome.result !== undefined || outcome.failed).toBe(true);
				if (outcome.result !== undefined) expect(outcome.result).toBeGreaterThanOrEqual(outcome.startedBeforeCall);
			}
			// Every request but the first of a key follows a settled one: at most one per settle, plus one per key.
			expect(started.a.length + started.b.length).toBeLessThanOrEqual(Math.min(calls, settles + 2));
		}),
		{ numRuns: 300 },
	);
});

test('a request that throws at once fails its callers, and the next call asks again', async () => {
	const shared = new FreshShared<string>();
	await expect(
		shared.get('k', () => {
			throw new Error('refused');
		}),
	).rejects.toThrow('refused');
	await expect(shared.get('k', async () => 'listed')).resolves.toBe('listed');
});
