import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ROOM_LIST_PAGE_SIZE, type HistoryFilters } from '../HappyTalk/shared/history/filters.schema';
import { roomListPages } from '../HappyTalk/shared/history/roomList';
import { firstPace, inDateWindows, type DateWindow, type WindowPace } from '../HappyTalk/shared/history/windows';
import type { CustomerApiCall } from '../HappyTalk/transport/customerApi/request';
import { completedRooms, type ListedRoom } from './bookkeeping';

/** What the trigger keeps of HappyTalk's ranges between polls (see WindowPace). */
export interface ListingPace {
	oneDayPerRequest: boolean;
	sameDayEdate: boolean;
}

/**
 * The completed rooms of [sdate, edate], newest completion first, each window of days walked only
 * down to `stopBelow(newest so far)`: a poll pays for pages of recent completions, not for whole
 * days. Windows are walked one by one, each to its own floor, because under the reading where the
 * range selects by opening day a later window (earlier days) can still hold recent completions.
 * Windows are read as inDateWindows reads them (one day past each, for either reading of `edate`;
 * a room past `edate` is kept: the trigger goes by completion times, not days). A range HappyTalk
 * refuses with `-504` is asked for one day at a time from then on. `onRoom` hears of each room as
 * soon as it is listed (its messages can be read meanwhile).
 */
export async function listCompleted(
	call: CustomerApiCall,
	range: { sdate: string; edate: string },
	stopBelow: (newest: number | undefined) => number,
	known: ListingPace,
	onRoom: (entry: ListedRoom) => void = () => {},
): Promise<{ rooms: ListedRoom[]; pace: ListingPace }> {
	const start = firstPace();
	const pace: WindowPace = { days: known.oneDayPerRequest ? 1 : start.days, sameDayEdate: known.sameDayEdate };
	const filters: HistoryFilters = { ...range, status: 2, sort_key: 'complate_date', sort_value: 'desc' };
	const listed: IDataObject[] = [];
	const newest = { at: undefined as number | undefined };
	const windows = inDateWindows(filters, (window) => walkDown(call, window, stopBelow, newest), { idOf: (room) => String(room.id), pace });
	for await (const room of windows) {
		listed.push(room);
		onRoom(completedRooms([room])[0]);
	}
	return { rooms: completedRooms(listed), pace: { oneDayPerRequest: pace.days < start.days, sameDayEdate: pace.sameDayEdate } };
}

/** One window, newest completion first, down to the floor (pages as walkRoomList reads them). */
async function* walkDown(
	call: CustomerApiCall,
	window: DateWindow,
	stopBelow: (newest: number | undefined) => number,
	newest: { at: number | undefined },
): AsyncGenerator<IDataObject> {
	const query = { status: 2, sort_key: 'complate_date', sort_value: 'desc', ...window };
	for await (const room of roomListPages(call, query, ROOM_LIST_PAGE_SIZE)) {
		const [completed] = completedRooms([room]);
		if (!completed) continue;
		newest.at = Math.max(newest.at ?? completed.completedAt, completed.completedAt);
		if (completed.completedAt < stopBelow(newest.at)) return;
		yield room;
	}
}

/** HappyTalk's fail code carried by an error of the transport, if any. */
export function failCode(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const happyTalk = (error.errorResponse as JsonObject | undefined)?.happyTalk as JsonObject | undefined;
	return typeof happyTalk?.code === 'number' ? happyTalk.code : undefined;
}
