'use strict';

// New rooms get numeric ids from here on, the way HappyTalk's look; reset() starts over so tests repeat.
const FIRST_ROOM_ID = 100001;

/**
 * The counseling rooms the sandbox knows: opened by /v1/chat/open, or met first in a write
 * (lenient mode). A room is { room_id, uuid, state: 'open' | 'ended', openedAt, endedAt, end_type }.
 */
function createRoomBook(clock = { now: Date.now }) {
	const rooms = new Map();
	let nextId = FIRST_ROOM_ID;
	// Skips ids already met in a write, so an opened room never takes over someone else's.
	const freshId = () => {
		let id = String(nextId++);
		while (rooms.has(id)) id = String(nextId++);
		return id;
	};
	return {
		get(roomId) {
			return rooms.get(roomId);
		},
		// roomId only for a room met first in a write; otherwise a fresh id.
		open(uuid, roomId = undefined) {
			const id = roomId ?? freshId();
			const room = { room_id: id, uuid, state: 'open', openedAt: clock.now(), endedAt: null, end_type: null };
			rooms.set(id, room);
			return room;
		},
		end(room, endType = null) {
			room.state = 'ended';
			room.endedAt = clock.now();
			room.end_type = endType;
		},
		openRoomsOf(uuid) {
			return [...rooms.values()].filter((room) => room.uuid === uuid && room.state === 'open');
		},
		// Copies, so whoever reads them cannot change the sandbox's state.
		list() {
			return [...rooms.values()].map((room) => Object.freeze({ ...room }));
		},
		clear() {
			rooms.clear();
			nextId = FIRST_ROOM_ID;
		},
	};
}

module.exports = { createRoomBook };
