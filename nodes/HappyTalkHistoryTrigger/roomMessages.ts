import type { IDataObject } from 'n8n-workflow';

import { retryInfo } from '../HappyTalk/errors/nodeErrors';
import { CUSTOMER_API_ENDPOINTS } from '../HappyTalk/shared/history/endpoints';
import { roomsWithMessages } from '../HappyTalk/shared/history/roomOutput';
import type { CustomerApiCall } from '../HappyTalk/transport/customerApi/request';
import type { ListedRoom, MessagesOutcome } from './bookkeeping';

/**
 * Each room's messages (one request per room, `concurrency` at a time): the output items read,
 * and per room whether it worked. One room's failure stops no other. When every request failed
 * and some failure looks like an outage (network, HTTP 5xx: HappyTalk's transport retried them
 * already), the poll fails instead, as when the room list fails: no room uses up a try.
 */
export async function readMessages(call: CustomerApiCall, rooms: ListedRoom[], concurrency: number) {
	const items = new Map<string, IDataObject>();
	const outcomes = new Map<string, MessagesOutcome>();
	const outages: unknown[] = [];
	const queue = [...rooms];
	const worker = async () => {
		for (let entry = queue.shift(); entry; entry = queue.shift()) {
			try {
				const [full] = roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomById, { room_id: entry.id }));
				if (!full) throw new Error("HappyTalk's answer held no room");
				items.set(entry.id, full);
				outcomes.set(entry.id, { ok: true });
			} catch (error) {
				if (retryInfo(error).retry === 'safe') outages.push(error);
				outcomes.set(entry.id, { ok: false, error: (error as Error).message });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, rooms.length) }, worker));
	if (rooms.length > 0 && items.size === 0 && outages.length > 0) throw outages[0];
	return { items, outcomes };
}
