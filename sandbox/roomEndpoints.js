'use strict';

const { failBody } = require('./failCodes');
const { checkField, checkNoExtraFields } = require('./validate');
const { UUID, ROOM_ID, END_TYPE } = require('./fields');
const { OPEN_FIELDS } = require('./openFields');

// The spec gives the shape of open's answer, not its words: these are ours.
const START_MESSAGE = '상담이 시작되었습니다. 잠시만 기다려 주세요.';
const COUNSELOR_NAME = '김상담';

const OPEN_FIELD_NAMES = ['uuid', ...OPEN_FIELDS.map((rule) => rule.name)];

/**
 * POST /v1/chat/open. `state` is { rooms, counseling }. Returns { body } or { fail, reason }.
 * Order: fields, a room in progress (-704), counseling availability (-900..-904), then the new room.
 */
function chatOpen(body, state) {
	const uuid = checkField(body, UUID);
	if (uuid.fail) return uuid;
	for (const rule of OPEN_FIELDS) {
		// "" means not given: the spec's own example sends every optional field that way.
		if (body[rule.name] === '') continue;
		const field = checkField(body, rule);
		if (field.fail) return field;
	}
	const extra = checkNoExtraFields(body, OPEN_FIELD_NAMES);
	if (extra) return extra;

	const inProgress = state.rooms.openRoomsOf(uuid.value);
	const force = body.is_room_create_force === 'T';
	if (inProgress.length > 0 && !force) {
		return refuse(-704, `room ${inProgress[0].room_id} is in progress for this uuid (is_room_create_force T replaces it)`);
	}
	// Unavailable counseling creates no room and leaves the one in progress alone, forced or not.
	if (state.counseling !== 'available') {
		return refuse(state.counseling, `counseling is set to ${state.counseling}`, { uuid: uuid.value });
	}
	for (const room of inProgress) state.rooms.end(room);
	const room = state.rooms.open(uuid.value);
	return {
		body: { code: 0, room_id: room.room_id, uuid: uuid.value, type: 'text', content: START_MESSAGE, counselor_name: COUNSELOR_NAME },
		reason: null,
	};
}

// POST /v1/chat/end. A room the sandbox never saw is -702 in either rooms mode.
function chatEnd(body, state) {
	const uuid = checkField(body, UUID);
	if (uuid.fail) return uuid;
	const roomId = checkField(body, ROOM_ID);
	if (roomId.fail) return roomId;
	const endType = checkField(body, END_TYPE);
	if (endType.fail) return endType;
	const extra = checkNoExtraFields(body, ['uuid', 'room_id', 'end_type']);
	if (extra) return extra;
	const room = state.rooms.get(roomId.value);
	const problem = roomProblem(room, uuid.value, roomId.value);
	if (problem) return problem;
	state.rooms.end(room, endType.value === undefined ? null : Number(endType.value));
	return { body: { code: 0, message: '' }, reason: null };
}

/**
 * Whether a (valid) write may go into its room; null if so. A room never seen is -702 in strict
 * mode; in lenient mode it is taken as opened elsewhere (HappyTalk's console) and kept as this uuid's.
 */
function checkRoomForWrite(state, uuid, roomId) {
	const room = state.rooms.get(roomId);
	if (!room && !state.strictRooms) {
		state.rooms.open(uuid, roomId);
		return null;
	}
	return roomProblem(room, uuid, roomId);
}

// Ownership before state, so a room of another uuid says nothing about itself.
function roomProblem(room, uuid, roomId) {
	if (!room) return refuse(-702, `no room ${roomId}`);
	if (room.uuid !== uuid) return refuse(-703, `room ${roomId} belongs to another uuid`);
	if (room.state !== 'open') return refuse(-700, `room ${roomId} has ended`);
	return null;
}

function refuse(code, reason, details = {}) {
	return { fail: failBody(code, details), reason };
}

module.exports = { chatOpen, chatEnd, checkRoomForWrite, START_MESSAGE, COUNSELOR_NAME };
