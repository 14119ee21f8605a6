'use strict';

const { failBody } = require('./failCodes');

// Lengths are counted in Unicode code points: '한글' is 2, '😀' is 1 (the spec leaves this open).
function codePoints(text) {
	return [...text].length;
}

/**
 * Checks one body field against a rule; returns { value } or { fail, reason }.
 * Order: missing (-801), not a string (-800), length (-802), content (-800).
 * null counts as missing; '' is a length error.
 */
function checkField(body, rule) {
	const name = rule.name;
	let value = body[name];
	if (value === undefined || value === null) {
		if (!rule.required) return { value: undefined };
		return fail(-801, name, `${name} is missing`);
	}
	if (rule.coerce) value = rule.coerce(value);
	if (typeof value !== 'string') {
		return fail(-800, name, `${name} must be ${rule.expects ?? 'a string'}, got ${describe(body[name])}`);
	}
	const length = codePoints(value);
	if (length < rule.min || length > rule.max) {
		return fail(-802, name, `${name} must be ${rule.min} to ${rule.max} characters, got ${length}`);
	}
	if (rule.pattern && !rule.pattern.test(value)) return fail(-800, name, `${name} ${rule.patternText}`);
	if (rule.oneOf && !rule.oneOf.includes(value)) {
		return fail(-800, name, `${name} must be one of ${rule.oneOf.join(', ')}`);
	}
	return { value };
}

// Fields a client sends that the endpoint does not take are a client mistake: -800 on the first one.
function checkNoExtraFields(body, allowed) {
	for (const key of Object.keys(body)) {
		if (!allowed.includes(key)) return fail(-800, key, `unexpected field ${key} (allowed here: ${allowed.join(', ')})`);
	}
	return null;
}

function fail(code, field, reason) {
	return { fail: failBody(code, { field }), reason };
}

function describe(value) {
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

module.exports = { codePoints, checkField, checkNoExtraFields, isPlainObject };
