/**
 * The Counseling Trigger over simulated days: n8n's real engine calls `poll()` once a simulated
 * minute against the sandbox, with Date faked (nothing else), so a day passes in seconds. Rooms
 * complete at random times (bursts in one second, rooms opened the day before or hours earlier),
 * show up in HappyTalk's list minutes late, have their messages refused for a number of polls;
 * midnight passes, n8n goes down for hours and restarts from the static data it saved (after the
 * activation poll and after each poll that emitted, as n8n does), HappyTalk fails whole polls, and
 * HappyTalk's clock runs hours ahead of or behind n8n's. Invariant: every room completed after
 * activation is emitted exactly once, none from before; and what the trigger keeps stays small.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MESSAGE_TRIES, RECHECK_WINDOW_MS } from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';
import { COMPANY_TOKEN, deepText, startSandbox, type HistoryReadings, type HistoryRoomSpec, type Sandbox } from '../support/sandbox';
import { loadEngine, shutdownEngine, type Engine } from './harness';

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const ROOM_LIST = '/user/api/chat_room_lists/format/json';
const ROOM_BY_ID = '/user/api/chat_data/format/json';
// 20:00 in Korea: midnight comes four hours in.
const START = Date.parse('2026-12-02T20:00:00+09:00');

interface Scenario {
	name: string;
	seed: number;
	hours: number;
	clockOffsetMs: number;
	readings: Partial<HistoryReadings>;
}

const SCENARIOS: Scenario[] = [
	{ name: 'HappyTalk 3 h ahead, dates select by reg_date', seed: 11, hours: 26, clockOffsetMs: 3 * HOUR, readings: { rangeBy: 'reg_date' } },
	{
		name: 'HappyTalk 5 h behind, dates select by complate_date, one day per request, pages of 20',
		seed: 23,
		hours: 26,
		clockOffsetMs: -5 * HOUR,
		readings: { rangeBy: 'complate_date', maxSpanDays: 1, pageCap: 20 },
	},
	{
		name: 'HappyTalk 2 h ahead, edate left out of the range, dates select by reg_date, one day per request',
		seed: 37,
		hours: 26,
		clockOffsetMs: 2 * HOUR,
		readings: { edate: 'exclusive', rangeBy: 'reg_date', maxSpanDays: 1 },
	},
];

interface PlannedRoom {
	id: string;
	completedAt: number;
	openedAt: number;
	visibleAt: number;
	/** Polls on which its messages are refused (-503 room), from the first one that lists it. */
	refusals: number;
}

/** Deterministic random numbers: a failing seed replays the same days. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const korea = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

/** The rooms of the simulated span, in HappyTalk's clock (`at` is HappyTalk's time at activation). */
function planRooms(scenario: Scenario, at: number): { after: PlannedRoom[]; before: PlannedRoom[] } {
	const next = random(scenario.seed);
	const id = (n: number) => `SIM${scenario.seed}R${String(n).padStart(6, '0')}`.padEnd(30, 'x');
	const rooms: PlannedRoom[] = [];
	let made = 0;
	const room = (completedAt: number): PlannedRoom => {
		const roll = next();
		// Most counselings last minutes; some hours; some began the day before.
		const duration = roll < 0.7 ? next() * 30 * MINUTE : roll < 0.9 ? next() * 8 * HOUR : 20 * HOUR + next() * 10 * HOUR;
		const late = next() < 0.3 ? Math.floor(next() * 10 * MINUTE) : 0;
		const refusals = next() < 0.05 ? 1 + Math.floor(next() * (MESSAGE_TRIES + 2)) : 0;
		return { id: id(made++), completedAt, openedAt: completedAt - Math.floor(duration), visibleAt: completedAt + late, refusals };
	};
	const end = at + scenario.hours * HOUR;
	for (let t = at + 1000; t < end - 2 * HOUR; t += Math.floor(next() * 25 * MINUTE)) {
		const second = Math.floor(t / 1000) * 1000;
		// Now and then several rooms in the same second; once a burst of 120 (pages, concurrency).
		const count = rooms.length === 40 ? 120 : next() < 0.15 ? 2 + Math.floor(next() * 4) : 1;
		for (let i = 0; i < count; i++) rooms.push(room(second));
	}
	const after = rooms.splice(0);
	// Completed before activation (the last ones shortly before) and listed by then: never emitted.
	for (const ago of [30 * 1000, 2 * MINUTE, 20 * MINUTE, 50 * MINUTE, ...Array.from({ length: 40 }, (_, i) => (i + 1) * HOUR)]) {
		rooms.push({ ...room(Math.floor((at - ago) / 1000) * 1000), visibleAt: at - 1000 });
	}
	return { after, before: rooms };
}

function roomSpec(room: PlannedRoom): HistoryRoomSpec {
	return {
		id: room.id,
		uuid: `sim_${room.id.slice(3, 12)}`,
		reg_date: korea(room.openedAt),
		complate_date: korea(room.completedAt),
		messages: [
			{ user_type: 'C', contents: `hello from ${room.id}`, send_date: korea(room.openedAt) },
			{ user_type: 'H', contents: 'thank you', send_date: korea(room.completedAt) },
		],
	};
}

let sandbox: Sandbox;
let engine: Engine;

beforeAll(async () => {
	// Only Date is faked: timers, sockets and n8n's retries run as usual.
	jest.useFakeTimers({
		now: START,
		doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
	});
	sandbox = await startSandbox();
	engine = await loadEngine({ companyToken: sandbox.companyToken, environment: 'custom', baseUrl: sandbox.url }, 'happyTalkCustomerApi');
});

afterAll(async () => {
	await sandbox.close();
	shutdownEngine();
	jest.useRealTimers();
});

describe.each(SCENARIOS)('$name', (scenario) => {
	test(`${scenario.hours} h of one-minute polls: every room completed after activation exactly once, none from before`, async () => {
		sandbox.reset();
		sandbox.setClock({ offsetMs: scenario.clockOffsetMs });
		sandbox.setHistoryReadings(scenario.readings);
		const htNow = () => Date.now() + scenario.clockOffsetMs;
		// Activation: the first poll, at START + 2 s (n8n's clock).
		const plan = planRooms(scenario, START + 2000 + scenario.clockOffsetMs);
		// The seeded history follows the real clock; here HappyTalk's clock is another, so it starts
		// with rooms of its own, before activation by its clock.
		sandbox.clearHistory();
		sandbox.addHistoryRooms(plan.before.map(roomSpec));

		const next = random(scenario.seed + 1);
		const waiting = [...plan.after].sort((a, b) => a.visibleAt - b.visibleAt);
		const refusalsLeft = new Map(plan.after.filter((room) => room.refusals > 0).map((room) => [room.id, room.refusals]));
		const emitted: IDataObject[] = [];
		const outputs: unknown[] = [];
		let live: IDataObject = {};
		let saved: IDataObject = {};
		let activationPoll = true;
		let downUntil = 0;
		let polls = 0;
		let failedPolls = 0;
		let restarts = 0;
		let largestState = 0;
		let largestSeen = 0;
		const listRequests: number[] = [];

		const end = START + scenario.hours * HOUR;
		jest.setSystemTime(START + 2000);
		for (let minute = 0; Date.now() < end; minute++) {
			jest.setSystemTime(START + 2000 + minute * MINUTE + (minute === 0 ? 0 : Math.floor(next() * 20000)));
			while (waiting.length > 0 && waiting[0].visibleAt <= htNow()) sandbox.addHistoryRooms([roomSpec(waiting.shift()!)]);
			if (Date.now() < downUntil) continue;
			// n8n goes down now and then: 1 to 3 hours without polls, then it starts from what it saved.
			if (minute > 0 && Date.now() < end - 4 * HOUR && next() < 1 / 400) {
				downUntil = Date.now() + HOUR + next() * 2 * HOUR;
				restarts++;
				live = JSON.parse(JSON.stringify(saved)) as IDataObject;
				activationPoll = true;
				continue;
			}
			const listed = sandbox.requests.filter((request) => request.path === ROOM_LIST).length;
			// Messages refused: each refused room uses up one refusal on every poll that asks for it.
			sandbox.setHistoryReadings({ refusedRooms: [...refusalsLeft].filter(([, left]) => left > 0).map(([id]) => id) });
			const asked = sandbox.requests.filter((request) => request.path === ROOM_BY_ID).length;
			// HappyTalk refuses a whole poll now and then: nothing may be lost or counted.
			if (!activationPoll && minute % 300 === 150) sandbox.injectFault({ failCode: -502, match: { path: ROOM_LIST } });
			let result: INodeExecutionData[][] | null;
			try {
				({ result, staticData: live } = await engine.poll('happyTalkHistoryTrigger', { event: 'counselingCompleted', options: {} }, live));
			} catch (error) {
				expect(String(error)).toContain('HappyTalk refused the request: -502');
				failedPolls++;
				continue;
			}
			polls++;
			listRequests.push(sandbox.requests.filter((request) => request.path === ROOM_LIST).length - listed);
			for (const request of sandbox.requests.filter((record) => record.path === ROOM_BY_ID).slice(asked)) {
				const id = String(request.body?.room_id);
				if (refusalsLeft.has(id)) refusalsLeft.set(id, refusalsLeft.get(id)! - 1);
			}
			const items = (result?.[0] ?? []).map((item) => item.json);
			emitted.push(...items);
			outputs.push(result);
			// n8n saves static data after the activation poll and after every poll that emitted.
			if (result !== null || activationPoll) saved = JSON.parse(JSON.stringify(live)) as IDataObject;
			activationPoll = false;
			const state = (live['node:Trigger'] ?? {}) as IDataObject;
			largestState = Math.max(largestState, JSON.stringify(state).length);
			// Bounded: the ids of the rooms completed within one window below the watermark, no more.
			const watermark = state.watermark as number;
			const completions = sandbox.historyRooms().flatMap((room) => (room.endMs === null ? [] : [Math.floor(room.endMs / 1000) * 1000]));
			const inWindow = completions.filter((at) => at >= watermark - RECHECK_WINDOW_MS && at <= watermark);
			expect(Object.keys(state.seen as object).length).toBeLessThanOrEqual(inWindow.length);
			largestSeen = Math.max(largestSeen, Object.keys(state.seen as object).length);
		}

		const ids = emitted.map((room) => String(room.roomId));
		const expected = plan.after.map((room) => room.id);
		// Every room once, none from before activation, none from the seeded history.
		expect([...ids].sort()).toEqual([...expected].sort());
		// In completion order within each poll, rooms with their messages unless refused on every try.
		for (const room of emitted) {
			const planned = plan.after.find((entry) => entry.id === room.roomId)!;
			// A restart before any emission forgets the tries counted since: a room may get more.
			if (room.messagesError !== undefined) {
				expect(planned.refusals).toBeGreaterThanOrEqual(MESSAGE_TRIES);
				expect(room).toMatchObject({ messagesError: 'HappyTalk refused the request: -503 room' });
				expect(room).not.toHaveProperty('messages');
			} else {
				expect(room).toMatchObject({ messageCount: 2, completedAt: `${korea(planned.completedAt).replace(' ', 'T')}+09:00` });
			}
		}
		expect(emitted.some((room) => room.messagesError !== undefined)).toBe(true);
		expect(failedPolls).toBeGreaterThan(0);
		// The seeds must bring what the invariant is about: at least one restart from saved static data.
		expect(restarts).toBeGreaterThan(0);
		expect(plan.after.some((room) => room.refusals > 0 && room.refusals < MESSAGE_TRIES)).toBe(true);
		expect(plan.after.some((room) => korea(room.openedAt).slice(0, 10) !== korea(room.completedAt).slice(0, 10))).toBe(true);
		// Small: the burst of 120 rooms in one second is the most the trigger ever held.
		expect(largestSeen).toBeGreaterThanOrEqual(120);
		expect(largestState).toBeLessThan(12000);
		expect(deepText([outputs, live])).not.toContain(COMPANY_TOKEN);
		const sorted = [...listRequests].sort((a, b) => a - b);
		console.log(
			`${scenario.name}: ${polls} polls (${failedPolls} failed, ${restarts} restarts), ${ids.length} rooms, room-list requests per poll: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}; at most ${largestSeen} ids kept, ${largestState} characters of static data`,
		);
	}, 600000);
});
