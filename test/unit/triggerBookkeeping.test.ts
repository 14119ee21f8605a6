/**
 * The Counseling Trigger's bookkeeping (listing plan, choice of rooms, state after a poll) under
 * generated histories: random completion times (several in one second), rooms HappyTalk lists
 * minutes late (or hours: the documented limit), rooms opened up to two days before they complete, messages refused for a number
 * of polls, polls at uneven intervals, n8n down for hours and restarted from the static data it
 * saved, HappyTalk's clock up to 20 hours ahead of or behind n8n's, and `sdate`/`edate` selecting
 * by either date. HappyTalk's side is a model here: the list it would answer for the plan.
 */
import { fc, test } from '@fast-check/jest';
import type { IDataObject } from 'n8n-workflow';

import { addDays, koreaDay } from '../../nodes/HappyTalk/shared/history/kstDates';
import {
	afterPoll,
	baselineFloor,
	completedRooms,
	listingPlan,
	roomsToRead,
	type MessagesOutcome,
	type TriggerState,
} from '../../nodes/HappyTalkHistoryTrigger/bookkeeping';
import { MESSAGE_TRIES, RECHECK_WINDOW_MS } from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const ACTIVATION = Date.parse('2026-12-02T21:30:00+09:00');

interface Room {
	id: string;
	completedAt: number;
	openedAt: number;
	visibleAt: number;
	refusals: number;
	lateMs: number;
}

const korea = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

const historyArbitrary = fc.record({
	clockOffsetMs: fc.integer({ min: -20 * HOUR, max: 20 * HOUR }),
	rangeBy: fc.constantFrom('reg_date', 'complate_date'),
	startHours: fc.constantFrom(0, 0, 0, 5),
	rooms: fc.array(
		fc.record({
			// Seconds from activation (HappyTalk's clock); negative: completed before.
			second: fc.oneof(fc.integer({ min: -3 * 3600, max: 40 * 3600 }), fc.constantFrom(1, 1, 1, 3600)),
			openedHoursBefore: fc.double({ min: 0, max: 47, noNaN: true }),
			// Up to 50 minutes, and (documented limit) more than the window late.
			lateMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: RECHECK_WINDOW_MS / MINUTE + 1, max: 10 * 60 })),
			refusals: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MESSAGE_TRIES + 2 })),
		}),
		{ maxLength: 60 },
	),
	// Minutes between polls; 0 marks a restart after the next gap.
	gaps: fc.array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 30, max: 300 }), fc.constant(0)), { minLength: 40, maxLength: 120 }),
	// Runs without restarts show what the trigger does with a room listed hours late.
	restarts: fc.boolean(),
	// "Late Rooms Window (Minutes)": the default, or another, changed again at each restart.
	recheckMinutes: fc.array(fc.constantFrom(RECHECK_WINDOW_MS / MINUTE, 15, 180), { minLength: 1, maxLength: 4 }),
});

test.prop([historyArbitrary], { numRuns: 100 })(
	'every room completed after activation is emitted exactly once, none from before; memory stays within one window',
	({ clockOffsetMs, rangeBy, startHours, rooms: specs, gaps, restarts: restartsToo, recheckMinutes }) => {
		const activationHt = ACTIVATION + clockOffsetMs;
		const rooms: Room[] = specs.map((spec, index) => {
			const completedAt = Math.floor(activationHt / 1000) * 1000 + spec.second * 1000;
			const before = completedAt <= activationHt;
			return {
				id: `R${String(index).padStart(4, '0')}`,
				completedAt,
				openedAt: completedAt - Math.floor(spec.openedHoursBefore * HOUR),
				// A room from before activation is listed by then (see the README on late rooms).
				visibleAt: before ? activationHt - 1000 : completedAt + spec.lateMinutes * MINUTE,
				refusals: spec.refusals,
				lateMs: spec.lateMinutes * MINUTE,
			};
		});
		// Where memory began when each room was first listable, and n8n's restarts by then.
		const keptWhenListed = new Map<string, { keptFrom: number | null; restarts: number }>();
		let restarts = 0;
		const recheckMs = () => recheckMinutes[restarts % recheckMinutes.length] * MINUTE;
		const refusalsLeft = new Map(rooms.map((room) => [room.id, room.refusals]));
		const emitted = new Map<string, number>();
		const withoutMessages = new Set<string>();
		let state: TriggerState | undefined;
		let saved: TriggerState | undefined;
		let now = ACTIVATION;
		let activationPoll = true;
		const lastCompletion = Math.max(activationHt, ...rooms.map((room) => room.visibleAt));
		// The generated gaps, then one-minute polls until every room had its chance.
		const schedule = restartsToo ? [...gaps] : gaps.map((gap) => gap || 1);
		for (let i = 0; ; i++) {
			const gap = i < schedule.length ? schedule[i] : 1;
			// Enough quiet polls at the end for every try, whatever the generated part left.
			const quietPolls = i - schedule.length;
			if (quietPolls >= MESSAGE_TRIES + 3 && now + clockOffsetMs > lastCompletion + (MESSAGE_TRIES + 3) * MINUTE) break;

			for (const room of rooms) {
				if (!keptWhenListed.has(room.id) && room.visibleAt <= now + clockOffsetMs) keptWhenListed.set(room.id, { keptFrom: state?.keptFrom ?? null, restarts });
			}
			const plan = listingPlan(state, now, startHours);
			const listed = completedRooms(modelList(rooms, now + clockOffsetMs, plan, rangeBy, (newest) => plan.floor ?? (newest === undefined ? -Infinity : baselineFloor(newest, now, startHours, recheckMs()))));
			const toRead = roomsToRead(state, listed, now, startHours);
			const outcomes = new Map<string, MessagesOutcome>();
			for (const entry of toRead) {
				const left = refusalsLeft.get(entry.id) ?? 0;
				refusalsLeft.set(entry.id, left - 1);
				outcomes.set(entry.id, left > 0 ? { ok: false, error: 'refused' } : { ok: true });
			}
			const result = afterPoll(state, now, listed, outcomes, recheckMs());
			for (const emission of result.emit) {
				emitted.set(emission.id, (emitted.get(emission.id) ?? 0) + 1);
				if (emission.messagesError !== undefined) withoutMessages.add(emission.id);
			}
			state = result.state;
			if (activationPoll || result.emit.length > 0) saved = structuredClone(state);
			activationPoll = false;

			// Bounded: ids of completions within one window below the watermark (the longest window
			// used so far, while a longer one reaches past memory), and pending rooms.
			const watermark = state.watermark ?? -Infinity;
			const keptFrom = state.keptFrom ?? -Infinity;
			expect(keptFrom).toBeGreaterThanOrEqual(watermark - Math.max(...recheckMinutes) * MINUTE);
			const inWindow = rooms.filter((room) => room.completedAt >= keptFrom && room.completedAt <= watermark).length;
			expect(Object.keys(state.seen).length).toBeLessThanOrEqual(inWindow);
			expect(JSON.stringify(state)).not.toMatch(/hello|uuid/);

			if (gap === 0) {
				// n8n stops; it comes back hours later with the static data it saved.
				state = saved && structuredClone(saved);
				activationPoll = true;
				restarts++;
				now += 2 * HOUR;
			} else {
				now += gap * MINUTE;
			}
		}

		const startFrom = startHours > 0 ? ACTIVATION - startHours * HOUR : Infinity;
		for (const room of rooms) {
			const after = room.completedAt > activationHt || room.completedAt >= startFrom;
			const times = emitted.get(room.id) ?? 0;
			const listedAt = keptWhenListed.get(room.id);
			const keptFrom = listedAt?.keptFrom ?? null;
			const restartedSince = listedAt !== undefined && restarts > listedAt.restarts;
			// Documented limit: a room HappyTalk lists more than the window late, once a room
			// completed more than the window after it was seen, is taken as one already there. A
			// restart (back to an earlier watermark) may still deliver it, never twice.
			const overtaken = room.completedAt > activationHt && keptFrom !== null && room.completedAt < keptFrom;
			if (overtaken) expect([room.id, times]).toEqual([room.id, restartedSince ? Math.min(times, 1) : 0]);
			else expect([room.id, times]).toEqual([room.id, after ? 1 : 0]);
			// Without messages only after MESSAGE_TRIES refusals (a restart before any emission
			// forgets the tries counted since, so a room may get more).
			if (after && room.refusals < MESSAGE_TRIES) expect([room.id, withoutMessages.has(room.id)]).toEqual([room.id, false]);
		}
	},
);

/**
 * What HappyTalk lists for the plan and what the trigger's walk takes from it: completed rooms
 * visible by now whose opening or completion day (the reading) is in [sdate, edate], newest
 * completion first, down to the floor.
 */
function modelList(
	rooms: Room[],
	htNow: number,
	plan: { sdate: string; edate: string },
	rangeBy: string,
	stopBelow: (newest: number | undefined) => number,
): IDataObject[] {
	const inRange = (ms: number) => koreaDay(ms) >= plan.sdate && koreaDay(ms) <= plan.edate;
	const visible = rooms
		.filter((room) => room.visibleAt <= htNow && inRange(rangeBy === 'reg_date' ? room.openedAt : room.completedAt))
		.sort((a, b) => b.completedAt - a.completedAt || a.id.localeCompare(b.id));
	const taken: IDataObject[] = [];
	let newest: number | undefined;
	for (const room of visible) {
		newest = Math.max(newest ?? room.completedAt, room.completedAt);
		if (room.completedAt < stopBelow(newest)) break;
		taken.push({ id: room.id, status: '2', complate_date: korea(room.completedAt), reg_date: korea(room.openedAt) });
	}
	return taken;
}

test.prop([fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-12-31') }), fc.integer({ min: 0, max: 720 })])(
	'the first listing reaches back a day (a HappyTalk clock behind) and forward to tomorrow (ahead), rooms opened two days earlier included',
	(now, startHours) => {
		const plan = listingPlan(undefined, now, startHours);
		expect(plan.edate).toBe(addDays(koreaDay(now), 1));
		expect(plan.sdate <= addDays(koreaDay(now - Math.max(24, startHours) * HOUR), -2)).toBe(true);
		expect(plan.floor).toBeUndefined();
	},
);
