import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { HISTORY_WINDOW_DAYS, ROOM_LIST_PAGE_SIZE } from '../HappyTalk/shared/history/filters.schema';
import { splitDays } from '../HappyTalk/shared/history/kstDates';
import { roomListPages } from '../HappyTalk/shared/history/roomList';
import type { CustomerApiCall } from '../HappyTalk/transport/customerApi/request';
import { completedRooms, type ListedRoom } from './bookkeeping';

const OVER_DATE = -504;

type Window = { sdate: string; edate: string };

/**
 * The completed rooms of [sdate, edate], newest completion first, each window of days walked only
 * down to `stopBelow(newest so far)`: a poll pays for pages of recent completions, not for whole
 * days. Windows are walked one by one, each to its own floor, because under the reading where the
 * range selects by opening day a later window (earlier days) can still hold recent completions.
 * A range HappyTalk refuses with `-504` is asked for one day at a time from then on. `onRoom`
 * hears of each room as soon as it is listed (its messages can be read meanwhile).
 */
export async function listCompleted(
	call: CustomerApiCall,
	range: Window,
	stopBelow: (newest: number | undefined) => number,
	oneDayPerRequest: boolean,
	onRoom: (entry: ListedRoom) => void = () => {},
): Promise<{ rooms: ListedRoom[]; oneDayPerRequest: boolean }> {
	const queue = splitDays(range.sdate, range.edate, oneDayPerRequest ? 1 : HISTORY_WINDOW_DAYS, true);
	const listed: IDataObject[] = [];
	const ids = new Set<string>();
	const newest = { at: undefined as number | undefined };
	let oneDay = oneDayPerRequest;
	for (let window = queue.shift(); window; window = queue.shift()) {
		const outcome = await walkDown(call, window, ids, stopBelow, newest, onRoom).then(
			(rooms) => ({ rooms, error: undefined }),
			(error: unknown) => ({ rooms: [], error }),
		);
		if (outcome.error !== undefined) {
			if (failCode(outcome.error) !== OVER_DATE || window.sdate === window.edate) throw outcome.error;
			oneDay = true;
			queue.unshift(...splitDays(window.sdate, window.edate, 1, true));
		}
		listed.push(...outcome.rooms);
	}
	return { rooms: completedRooms(listed), oneDayPerRequest: oneDay };
}

/** One window, newest completion first, down to the floor (pages as walkRoomList reads them). */
async function walkDown(
	call: CustomerApiCall,
	window: Window,
	ids: Set<string>,
	stopBelow: (newest: number | undefined) => number,
	newest: { at: number | undefined },
	onRoom: (entry: ListedRoom) => void,
): Promise<IDataObject[]> {
	const rooms: IDataObject[] = [];
	const query = { status: 2, sort_key: 'complate_date', sort_value: 'desc', ...window };
	for await (const room of roomListPages(call, query, ROOM_LIST_PAGE_SIZE, ids)) {
		const [completed] = completedRooms([room]);
		if (!completed) continue;
		newest.at = Math.max(newest.at ?? completed.completedAt, completed.completedAt);
		if (completed.completedAt < stopBelow(newest.at)) break;
		rooms.push(room);
		onRoom(completed);
	}
	return rooms;
}

/** HappyTalk's fail code carried by an error of the transport, if any. */
export function failCode(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const happyTalk = (error.errorResponse as JsonObject | undefined)?.happyTalk as JsonObject | undefined;
	return typeof happyTalk?.code === 'number' ? happyTalk.code : undefined;
}
