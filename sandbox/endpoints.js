'use strict';

const { checkField, checkNoExtraFields } = require('./validate');
const { UUID, ROOM_ID, TYPE, MSG, URL_FIELD, CUSTOMER_ID, MESSAGE_TYPES } = require('./fields');
const { checkRoomForWrite } = require('./roomEndpoints');

// POST /v1/chat/write. `state` is { rooms, strictRooms, history }. Returns { body, reason } or { fail, reason }.
function chatWrite(body, state) {
	const uuid = checkField(body, UUID);
	if (uuid.fail) return uuid;
	const roomId = checkField(body, ROOM_ID);
	if (roomId.fail) return roomId;
	const type = checkField(body, TYPE);
	if (type.fail) return type;
	// msg belongs to text only and url to the other types: anything else is extra.
	const contentRule = type.value === 'text' ? MSG : URL_FIELD;
	const content = checkField(body, contentRule);
	if (content.fail) return content;
	const extra = checkNoExtraFields(body, ['uuid', 'room_id', 'type', contentRule.name]);
	if (extra) return extra;
	// Only a valid write touches the rooms (and, in lenient mode, may make one known).
	const roomProblem = checkRoomForWrite(state, uuid.value, roomId.value);
	if (roomProblem) return roomProblem;
	// What really passed through is what the customer API's history later shows.
	state.history.recordMessage(roomId.value, uuid.value, {
		fromCustomer: false,
		contentsType: type.value,
		contents: content.value,
	});
	return { body: { code: 0, room_id: roomId.value, message: '' }, reason: null };
}

// POST /v1/chat/isCounselor. The answer is whatever the sandbox was told to say.
function isCounselor(body, counselor) {
	const uuid = checkField(body, UUID);
	if (uuid.fail) return uuid;
	const customerId = checkField(body, CUSTOMER_ID);
	if (customerId.fail) return customerId;
	const extra = checkNoExtraFields(body, ['uuid', 'customer_id']);
	if (extra) return extra;
	return { body: { code: 0, ...counselor }, reason: null };
}

module.exports = { chatWrite, isCounselor, MESSAGE_TYPES };
