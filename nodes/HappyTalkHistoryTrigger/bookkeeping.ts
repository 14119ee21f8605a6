import type { IDataObject } from 'n8n-workflow';

import { koreaTimeToMs } from '../HappyTalk/shared/history/kstDates';
import { LOOKBACK_MS } from './trigger.schema';

/**
 * What the trigger keeps in the workflow's static data between polls (and n8n restarts):
 * `startedAt` — nothing completed before it is emitted (first activation, minus the option);
 * `watermark` — the latest completion time emitted so far;
 * `emitted` — room id → completion time of the rooms emitted within LOOKBACK_MS of the watermark.
 */
export interface TriggerState {
	startedAt: number;
	watermark: number;
	emitted: Record<string, number>;
}

export function initialState(now: number, startHours: number): TriggerState {
	// HappyTalk's times have whole seconds: a room completed in this very second counts as after.
	const startedAt = Math.floor(now / 1000) * 1000 - startHours * 3600 * 1000;
	return { startedAt, watermark: startedAt, emitted: {} };
}

export function readState(data: IDataObject): TriggerState | undefined {
	const { startedAt, watermark, emitted } = data;
	if (typeof startedAt !== 'number' || typeof watermark !== 'number' || !emitted || typeof emitted !== 'object') return undefined;
	return { startedAt, watermark, emitted: { ...(emitted as Record<string, number>) } };
}

/** The earliest completion time a poll must list again. */
export function listFrom(state: TriggerState): number {
	return Math.max(state.startedAt, state.watermark - LOOKBACK_MS);
}

/**
 * From the completed rooms a poll listed, the ones to emit: completed at or after `startedAt`,
 * not emitted before, each once, in completion order (then by id, for rooms of the same second).
 */
export function newRooms(state: TriggerState, listed: IDataObject[]): IDataObject[] {
	const chosen = new Map<string, { room: IDataObject; completedAt: number }>();
	for (const room of listed) {
		const id = String(room.id);
		const completedAt = koreaTimeToMs(room.complate_date);
		if (completedAt === undefined || completedAt < state.startedAt) continue;
		if (id in state.emitted || chosen.has(id)) continue;
		chosen.set(id, { room, completedAt });
	}
	return [...chosen.values()]
		.sort((a, b) => a.completedAt - b.completedAt || String(a.room.id).localeCompare(String(b.room.id)))
		.map(({ room }) => room);
}

/** The state after `rooms` were emitted: watermark moved on, memory trimmed to the look-back. */
export function afterEmitting(state: TriggerState, rooms: IDataObject[]): TriggerState {
	const emitted = { ...state.emitted };
	let watermark = state.watermark;
	for (const room of rooms) {
		const completedAt = koreaTimeToMs(room.complate_date) ?? state.watermark;
		emitted[String(room.id)] = completedAt;
		watermark = Math.max(watermark, completedAt);
	}
	for (const [id, completedAt] of Object.entries(emitted)) {
		if (completedAt < watermark - LOOKBACK_MS) delete emitted[id];
	}
	return { startedAt: state.startedAt, watermark, emitted };
}
