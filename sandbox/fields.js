'use strict';

// Field rules shared by the endpoints, from the spec's tables (see validate.js for how a rule is checked).
// `max` is the spec's length column; uuid's 5 comes from its description.

const UUID = {
	name: 'uuid',
	required: true,
	min: 5,
	max: 20,
	// The receive webhook's description: letters, digits and _ (nothing else, not even -).
	pattern: /^[A-Za-z0-9_]+$/,
	patternText: 'may only hold letters A-Z and a-z, digits and _',
};

// Room ids look numeric, so a client may send a JSON number; one that JSON cannot carry exactly is a bug.
const coerceWholeNumber = (value) => (Number.isSafeInteger(value) && value >= 0 ? String(value) : value);

const ROOM_ID = { name: 'room_id', required: true, min: 1, max: 30, coerce: coerceWholeNumber };

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

// end's optional end_type (HappyTalk's newer page): 0 counselor, 1 customer, 2 manager; a number or its digit.
const END_TYPE = {
	name: 'end_type',
	required: false,
	min: 1,
	max: 1,
	coerce: coerceWholeNumber,
	expects: '0, 1 or 2 (a number or a digit string)',
	oneOf: ['0', '1', '2'],
};

module.exports = { UUID, ROOM_ID, MESSAGE_TYPES, TYPE, MSG, URL_FIELD, CUSTOMER_ID, END_TYPE, coerceWholeNumber };
