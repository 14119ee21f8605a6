'use strict';

const { coerceWholeNumber } = require('./fields');

// POST /v1/chat/open's optional fields, in the order of the spec's table (original/create_counseling.md).
// min is 0: the spec's own example sends every optional field as "" (chatOpen skips "" altogether).

const text = (name, max) => ({ name, required: false, min: 0, max });

// "Int (11)": a JSON number or a digit string, at most 11 digits.
const integer = (name) => ({
	name,
	required: false,
	min: 0,
	max: 11,
	coerce: coerceWholeNumber,
	expects: 'a whole number or a digit string',
	pattern: /^[0-9]+$/,
	patternText: 'must be a whole number (digits only)',
});

const oneOf = (name, values) => ({ name, required: false, min: 0, max: 1, oneOf: values });

const OPEN_FIELDS = [
	text('site_uid', 100),
	integer('category_id'),
	integer('division_id'),
	text('title', 100),
	oneOf('phone_os', ['A', 'I', 'W']),
	text('phone_model', 20),
	text('phone_os_ver', 20),
	text('phone_telecomm', 20),
	text('app_hash', 150),
	text('order_number', 100),
	text('product_number', 100),
	// The table spells it parcel_numver, the example parcel_number: we take the example's spelling.
	text('parcel_number', 40),
	text('parcel_company_type', 2),
	text('parcel_company_code', 2),
	...Array.from({ length: 10 }, (_, index) => text(`parameter${index + 1}`, 20)),
	// From HappyTalk's newer page: T opens a new room even if one is in progress.
	oneOf('is_room_create_force', ['T', 'N']),
];

module.exports = { OPEN_FIELDS };
