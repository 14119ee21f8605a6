import type { IDataObject } from 'n8n-workflow';

import { retryInfo } from '../HappyTalk/errors/nodeErrors';
import { CUSTOMER_API_ENDPOINTS } from '../HappyTalk/shared/history/endpoints';
import { roomsWithMessages } from '../HappyTalk/shared/history/roomOutput';
import type { CustomerApiCall } from '../HappyTalk/transport/customerApi/request';
import type { ListedRoom, MessagesOutcome } from './bookkeeping';

/**
 * Reads rooms' messages (one request per room, at most `concurrency` at a time) while the room
 * list is still being walked: `add` a room as soon as it is listed, `finish` once the list is done.
 * One room's failure stops no other. When every request failed and some failure looks like an
 * outage (network, HTTP 5xx, which the transport retried already), `finish` throws instead, as
 * when the room list fails: no room uses up a try.
 */
export function messageReader(call: CustomerApiCall, concurrency: number) {
	const items = new Map<string, IDataObject>();
	const outcomes = new Map<string, MessagesOutcome>();
	const outages: unknown[] = [];
	const queue: ListedRoom[] = [];
	const running = new Set<Promise<void>>();

	const read = async (entry: ListedRoom) => {
		try {
			const [full] = roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomById, { room_id: entry.id }));
			if (!full) throw new Error("HappyTalk's answer held no room");
			items.set(entry.id, full);
			outcomes.set(entry.id, { ok: true });
		} catch (error) {
			if (retryInfo(error).retry === 'safe') outages.push(error);
			outcomes.set(entry.id, { ok: false, error: (error as Error).message });
		}
	};
	const pump = () => {
		while (running.size < concurrency && queue.length > 0) {
			const task: Promise<void> = read(queue.shift()!).then(() => {
				running.delete(task);
				pump();
			});
			running.add(task);
		}
	};

	return {
		add(entry: ListedRoom) {
			queue.push(entry);
			pump();
		},
		/** Waits for every request; `failed`: the listing failed, so only wait. */
		async finish({ failed = false } = {}) {
			while (running.size > 0) await Promise.all([...running]);
			if (!failed && outcomes.size > 0 && items.size === 0 && outages.length > 0) throw outages[0];
			return { items, outcomes };
		},
	};
}
