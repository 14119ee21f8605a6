'use strict';

const { checkField, checkNoExtraFields } = require('./validate');

// Field rules from the spec's tables. `max` is the spec's length column; uuid's 5 comes from its description.
const UUID = {
	name: 'uuid',
	required: true,
	min: 5,
	max: 20,
	pattern: /^[A-Za-z0-9_-]+$/,
	patternText: 'may only hold letters, digits, _ and -',
};

const ROOM_ID = {
	name: 'room_id',
	required: true,
	min: 1,
	max: 30,
	// Room ids look numeric, so a client may send a JSON number; one that JSON cannot carry exactly is a bug.
	coerce: (value) => (Number.isSafeInteger(value) && value >= 0 ? String(value) : value),
};

const MESSAGE_TYPES = ['text', 'image', 'video', 'audio'];

// The spec lists a default of text but also marks type required: we require it.
const TYPE = { name: 'type', required: true, min: 1, max: Infinity, oneOf: MESSAGE_TYPES };

const MSG = { name: 'msg', required: true, min: 1, max: 1000 };

const URL_FIELD = {
	name: 'url',
	required: true,
	min: 1,
	max: 255,
	pattern: /^https?:\/\/[^\s/?#]+\S*$/i,
	patternText: 'must be an http:// or https:// address without spaces',
};

const CUSTOMER_ID = { name: 'customer_id', required: true, min: 1, max: 20 };

// POST /v1/chat/write. Returns { body, reason }.
function chatWrite(body) {
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
