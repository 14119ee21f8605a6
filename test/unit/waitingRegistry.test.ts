/**
 * The process-memory registry of Send and Wait for Reply's pauses (regular mode's way for the
 * trigger to find them): generated sequences of pauses and lookups over simulated days agree with
 * the rule (same workflow and room, before the limit, oldest execution first, a new pause of an
 * execution replaces its old one); a hand-over forgets only the pause it used; the size is bounded.
 */
import { fc, test } from '@fast-check/jest';

import {
	MEMORY_REGISTRY_LIMIT,
	forgetRememberedPause,
	rememberPause,
	rememberedPauseCount,
	rememberedPausesFor,
	roomKey,
	type WaitingPause,
} from '../../nodes/HappyTalk/waitingReplies/registry';

const DAY = 86_400_000;
let run = 0;

const pause = (id: number, room: string, deadline: number, node = 'node-1'): WaitingPause => ({
	id: String(id),
	room,
	resumeUrl: `http://localhost:5678/webhook-waiting/${id}/${node}`,
	deadline,
	asked: [{ item: 0, question: { type: 'text', text: 'Order number?' } }],
});

const step = fc.record({
	workflow: fc.constantFrom('wf-a', 'wf-b'),
	execution: fc.integer({ min: 1, max: 30 }),
	room: fc.constantFrom(roomKey('customer_01', '100'), roomKey('customer_01', '200'), roomKey('customer_02', '100')),
	// 0: no limit; otherwise up to three days after the start.
	deadline: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY })),
	lookAt: fc.integer({ min: 0, max: 4 * DAY }),
});

test.prop([fc.array(step, { maxLength: 60 })])('a lookup finds the pauses of its workflow and room before their limit, oldest first', (steps) => {
	const prefix = `run-${++run}-`;
	const expected = new Map<string, { workflow: string; pause: WaitingPause }>();
	let now = 0;
	for (const { workflow, execution, room, deadline, lookAt } of steps) {
		rememberPause(prefix + workflow, pause(execution, room, deadline));
		expected.set(`${workflow} ${execution}`, { workflow, pause: pause(execution, room, deadline) });
		now = Math.max(now, lookAt);
		const found = rememberedPausesFor(prefix + workflow, room, now);
		const wanted = [...expected.values()]
			.filter((entry) => entry.workflow === workflow && entry.pause.room === room && (entry.pause.deadline === 0 || now < entry.pause.deadline))
			.map((entry) => entry.pause)
			.sort((a, b) => Number(a.id) - Number(b.id));
		expect(found.map(({ id, room: r, deadline: d, resumeUrl }) => ({ id, room: r, deadline: d, resumeUrl }))).toEqual(
			wanted.map(({ id, room: r, deadline: d, resumeUrl }) => ({ id, room: r, deadline: d, resumeUrl })),
		);
	}
});

test('a hand-over forgets the pause it used, not a newer pause of the same execution', () => {
	const room = roomKey('customer_07', '700');
	rememberPause('wf-forget', pause(7, room, 0));
	const [first] = rememberedPausesFor('wf-forget', room);
	// The execution resumed and paused again at the same node before the first hand-over ended.
	rememberPause('wf-forget', pause(7, room, 0));
	forgetRememberedPause('wf-forget', first);
	expect(rememberedPausesFor('wf-forget', room)).toHaveLength(1);
	const [second] = rememberedPausesFor('wf-forget', room);
	forgetRememberedPause('wf-forget', second);
	expect(rememberedPausesFor('wf-forget', room)).toEqual([]);
});

test(`at most ${MEMORY_REGISTRY_LIMIT} pauses are kept: the oldest go first`, () => {
	const room = roomKey('customer_08', '800');
	for (let id = 1; id <= MEMORY_REGISTRY_LIMIT + 500; id++) rememberPause('wf-bound', pause(id, room, 0));
	expect(rememberedPauseCount()).toBe(MEMORY_REGISTRY_LIMIT);
	// The earlier tests' pauses are older still: they went first.
	const kept = rememberedPausesFor('wf-bound', room);
	expect(kept).toHaveLength(MEMORY_REGISTRY_LIMIT);
	expect(kept[0].id).toBe('501');
	expect(kept.at(-1)?.id).toBe(String(MEMORY_REGISTRY_LIMIT + 500));
});
