import type { IDataObject } from 'n8n-workflow';

import { addDays, koreaDay, koreaTimeToMs } from '../HappyTalk/shared/history/kstDates';
import { MESSAGE_TRIES, OPEN_DAYS, RECHECK_WINDOW_MS } from './trigger.schema';

const DAY_MS = 86400000;
const COMPLETED = '2';

/**
 * What the trigger keeps in the workflow's static data between polls and n8n restarts: room ids
 * and times only (HappyTalk's clock, as `complate_date` reads), nothing of their content.
 * - `watermark`: the latest completion among every room seen so far (null: none yet);
 * - `seen`: room id → completion, for the rooms completed since `keptFrom` (emitted, waiting in
 *   `pending`, or there before activation);
 * - `keptFrom`: the window (option, RECHECK_MINUTES) below the watermark, or where `seen` began
 *   when the window was made longer since (null: nothing seen yet);
 * - `pending`: rooms whose messages could not be read yet, with the polls tried so far;
 * - `since`: n8n's time at first activation, which places the listing while nothing is seen;
 * - `oneDayPerRequest`: HappyTalk refused a longer range (-504), so each request asks for a day;
 * - `sameDayEdate`: HappyTalk refused one day sent as two (it counts `edate` in): sdate = edate.
 * A room is new when it is neither seen nor pending and completed no earlier than `keptFrom`:
 * `keptFrom` only grows, so a room once seen is either still remembered or older than anything a
 * poll looks at. Memory holds what completes within one window.
 */
export interface TriggerState {
	watermark: number | null;
	seen: Record<string, number>;
	keptFrom: number | null;
	pending: Record<string, { at: number; tries: number }>;
	since: number;
	oneDayPerRequest: boolean;
	sameDayEdate: boolean;
}

/** A completed room from the list: its id, its completion time (ms) and the list's fields. */
export interface ListedRoom {
	id: string;
	completedAt: number;
	room: IDataObject;
}

export type MessagesOutcome = { ok: true } | { ok: false; error: string };

/** One room to emit: with its messages, or (`messagesError`) after the last try without them. */
export interface Emission {
	id: string;
	completedAt: number;
	room?: IDataObject;
	messagesError?: string;
}

export function readState(data: IDataObject): TriggerState | undefined {
	const { watermark, seen, pending, since, oneDayPerRequest, sameDayEdate, keptFrom } = data;
	// Saved before the window was an option: kept with the default one.
	const keptWith = (mark: number | null) => (typeof keptFrom === 'number' ? keptFrom : mark === null ? null : mark - RECHECK_WINDOW_MS);
	if (typeof since === 'number' && (watermark === null || typeof watermark === 'number') && isRecord(seen) && isRecord(pending)) {
		return {
			watermark,
			seen: { ...(seen as Record<string, number>) },
			keptFrom: keptWith(watermark),
			pending: { ...(pending as TriggerState['pending']) },
			since,
			oneDayPerRequest: oneDayPerRequest === true,
			sameDayEdate: sameDayEdate === true,
		};
	}
	// Version 1.0 of the package kept { startedAt, watermark, emitted }: carried over as it stands.
	if (typeof data.startedAt === 'number' && typeof watermark === 'number' && isRecord(data.emitted)) {
		return { watermark, seen: { ...(data.emitted as Record<string, number>) }, keptFrom: keptWith(watermark), pending: {}, since: data.startedAt, oneDayPerRequest: false, sameDayEdate: false };
	}
	return undefined;
}

/** Top-level assignments, so n8n notices the change and saves it with the emitted items. */
export function writeState(data: IDataObject, state: TriggerState): void {
	for (const key of ['startedAt', 'emitted']) delete data[key];
	data.watermark = state.watermark;
	data.seen = state.seen;
	data.keptFrom = state.keptFrom;
	data.pending = state.pending;
	data.since = state.since;
	data.oneDayPerRequest = state.oneDayPerRequest;
	data.sameDayEdate = state.sameDayEdate;
}

/**
 * What a poll lists: the days (Korea) that can hold a room it may still have to emit, under
 * either reading of `sdate`/`edate` (by opening or by completion day), up to tomorrow for a
 * HappyTalk clock ahead of n8n's; and `floor`, the completion time below which the listing (sorted
 * by completion, newest first) can stop. Without state (first activation), the floor follows the
 * newest room listed (see `baselineFloor`).
 */
export function listingPlan(state: TriggerState | undefined, now: number, startHours: number) {
	const earliest = state ? earliestWanted(state) : Math.min(now - DAY_MS, now - startHours * 3600000);
	const latest = Math.max(now, state?.watermark ?? now);
	return {
		sdate: addDays(koreaDay(earliest), -OPEN_DAYS),
		edate: addDays(koreaDay(latest), 1),
		floor: state ? earliest : undefined,
	};
}

/** Without state, the listing stops below this, given the newest completion listed so far. */
export function baselineFloor(newest: number, now: number, startHours: number, recheckMs: number): number {
	return Math.min(newest - recheckMs, startHours > 0 ? now - startHours * 3600000 : Infinity);
}

function earliestWanted(state: TriggerState): number {
	const pendingTimes = Object.values(state.pending).map((entry) => entry.at);
	// Nothing seen since activation: any completion from a day before it may still be new.
	const base = state.keptFrom === null ? state.since - DAY_MS : state.keptFrom;
	return Math.min(base, ...pendingTimes);
}

/** The list's completed rooms (status 2 with a completion time), each once. */
export function completedRooms(rooms: IDataObject[]): ListedRoom[] {
	const byId = new Map<string, ListedRoom>();
	for (const room of rooms) {
		const completedAt = koreaTimeToMs(room.complate_date);
		if (completedAt === undefined || String(room.status) !== COMPLETED) continue;
		const id = String(room.id);
		if (!byId.has(id)) byId.set(id, { id, completedAt, room });
	}
	return [...byId.values()];
}

/**
 * The rooms whose messages this poll reads: new rooms and pending ones listed again. Without state,
 * rooms completed within the first activation's "last hours" (none by default) are new and the
 * rest are the baseline, there before activation.
 */
export function roomsToRead(state: TriggerState | undefined, listed: ListedRoom[], now: number, startHours: number): ListedRoom[] {
	if (!state) {
		const from = startHours > 0 ? now - startHours * 3600000 : Infinity;
		return listed.filter((entry) => entry.completedAt >= from);
	}
	return listed.filter((entry) => entry.id in state.pending || isNew(state, entry));
}

function isNew(state: TriggerState, { id, completedAt }: ListedRoom): boolean {
	if (id in state.seen || id in state.pending) return false;
	return state.keptFrom === null || completedAt >= state.keptFrom;
}

/**
 * The state after a poll and what it emits, in completion order (then by id): the rooms read,
 * and the rooms whose last try failed (listed, or no longer listed), without their messages.
 * Rooms read without success wait in `pending` for the next poll, and hold back nothing else.
 */
export function afterPoll(
	state: TriggerState | undefined,
	now: number,
	listed: ListedRoom[],
	outcomes: ReadonlyMap<string, MessagesOutcome>,
	recheckMs: number,
): { state: TriggerState; emit: Emission[] } {
	const next: TriggerState = state
		? { ...state, seen: { ...state.seen }, pending: { ...state.pending } }
		: { watermark: null, seen: {}, keptFrom: null, pending: {}, since: now, oneDayPerRequest: false, sameDayEdate: false };
	const emit: Emission[] = [];
	const listedIds = new Set<string>();
	for (const entry of listed) {
		listedIds.add(entry.id);
		const outcome = outcomes.get(entry.id);
		const remembered = next.seen[entry.id] !== undefined || next.pending[entry.id] !== undefined;
		if (!outcome && (remembered || (state && !isNew(state, entry)))) continue;
		next.seen[entry.id] = entry.completedAt;
		// A completion more than a day past n8n's clock is no clock skew but a wrong date: it must
		// not carry the watermark (and with it every later room) into the future.
		const plausible = Math.min(entry.completedAt, now + DAY_MS);
		next.watermark = Math.max(next.watermark ?? plausible, plausible);
		if (!outcome) continue; // the baseline
		if (outcome.ok) {
			delete next.pending[entry.id];
			emit.push({ id: entry.id, completedAt: entry.completedAt, room: entry.room });
			continue;
		}
		const tries = (next.pending[entry.id]?.tries ?? 0) + 1;
		if (tries < MESSAGE_TRIES) {
			next.pending[entry.id] = { at: entry.completedAt, tries };
			continue;
		}
		delete next.pending[entry.id];
		emit.push({ id: entry.id, completedAt: entry.completedAt, room: entry.room, messagesError: outcome.error });
	}
	// A pending room the list no longer shows as completed (deleted, say) uses up a try as well.
	for (const [id, { at, tries }] of Object.entries(state?.pending ?? {})) {
		if (listedIds.has(id)) continue;
		if (tries + 1 < MESSAGE_TRIES) {
			next.pending[id] = { at, tries: tries + 1 };
			continue;
		}
		delete next.pending[id];
		emit.push({ id, completedAt: at, messagesError: 'HappyTalk no longer lists the room as completed' });
	}
	if (next.watermark !== null) {
		// A window made longer reaches below what was remembered: that part counts as seen until
		// the watermark has moved past it.
		next.keptFrom = Math.max(next.watermark - recheckMs, state?.keptFrom ?? -Infinity);
		for (const [id, completedAt] of Object.entries(next.seen)) {
			if (completedAt < next.keptFrom) delete next.seen[id];
		}
	}
	emit.sort((a, b) => a.completedAt - b.completedAt || a.id.localeCompare(b.id));
	return { state: next, emit };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
