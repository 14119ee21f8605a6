'use strict';

const http = require('http');
const { failBody } = require('./failCodes');
const { CUSTOMER_FAILS } = require('./customerFailCodes');
const { JSON_TYPE, jsonAnswer, rawAnswer } = require('./answer');
const { isPlainObject } = require('./validate');
const { checkHeaders } = require('./headers');

const MALFORMED_KINDS = ['html', 'text', 'empty', 'truncated-json'];

/**
 * Checks a fault given by a test and returns its normal form:
 * { times, match: { path?, bodyIncludes? }, kind: 'status' | 'failCode' | 'malformed' | 'hang' | 'destroy', ...details };
 * status and failCode faults may carry `headers` to send with the answer (say, Retry-After).
 * Throws a TypeError that says what is wrong, so a test's typo does not silently do nothing.
 */
function normalizeFault(input) {
	if (!isPlainObject(input)) throw new TypeError('a fault must be an object');
	const times = input.times === undefined ? 1 : input.times === 'Infinity' ? Infinity : input.times;
	if (times !== Infinity && !(Number.isInteger(times) && times >= 1)) {
		throw new TypeError('fault.times must be a whole number of at least 1, or Infinity');
	}
	const match = normalizeMatch(input.match);
	const kinds = ['failCode', 'malformed', 'hang', 'destroy'].filter((key) => input[key] !== undefined && input[key] !== false);
	if (kinds.length === 0 && input.status !== undefined) kinds.push('status');
	if (kinds.length !== 1) {
		throw new TypeError('a fault needs exactly one of status, failCode, malformed, hang: true, destroy: true');
	}
	const kind = kinds[0];
	const fault = { times, match, kind };
	if (input.status !== undefined) {
		if (kind !== 'status' && kind !== 'failCode') throw new TypeError(`fault.status does not go with ${kind}`);
		if (!Number.isInteger(input.status) || input.status < 200 || input.status > 599) {
			throw new TypeError('fault.status must be an HTTP status from 200 to 599');
		}
		fault.status = input.status;
	}
	if (input.headers !== undefined) {
		if (kind !== 'status' && kind !== 'failCode') throw new TypeError(`fault.headers does not go with ${kind}`);
		fault.headers = checkHeaders(input.headers, 'fault.headers');
	}
	if (kind === 'status') copyStrings(input, fault, ['body', 'contentType']);
	if (kind === 'failCode') {
		if (!Number.isInteger(input.failCode)) throw new TypeError('fault.failCode must be a whole number, e.g. -600');
		fault.failCode = input.failCode;
		copyStrings(input, fault, ['message', 'content']);
		if (input.field !== undefined) {
			if (input.field !== null && typeof input.field !== 'string') throw new TypeError('fault.field must be a string or null');
			fault.field = input.field;
		}
	}
	if (kind === 'malformed' && !MALFORMED_KINDS.includes(input.malformed)) {
		throw new TypeError(`fault.malformed must be one of ${MALFORMED_KINDS.join(', ')}`);
	}
	if (kind === 'malformed') fault.malformed = input.malformed;
	if ((kind === 'hang' || kind === 'destroy') && input[kind] !== true) throw new TypeError(`fault.${kind} must be true`);
	return fault;
}

function normalizeMatch(match) {
	if (match === undefined || match === null) return {};
	if (!isPlainObject(match)) throw new TypeError('fault.match must be an object');
	const result = {};
	copyStrings(match, result, ['path', 'bodyIncludes'], 'fault.match.');
	return result;
}

function copyStrings(from, to, keys, prefix = 'fault.') {
	for (const key of keys) {
		if (from[key] === undefined) continue;
		if (typeof from[key] !== 'string') throw new TypeError(`${prefix}${key} must be a string`);
		to[key] = from[key];
	}
}

// Faults wait in injection order; the first one that matches a request is used up by it.
function createFaultQueue() {
	let faults = [];
	return {
		add(fault) {
			faults.push(normalizeFault(fault));
		},
		clear() {
			faults = [];
		},
		get size() {
			return faults.length;
		},
		take(request) {
			const index = faults.findIndex((fault) => matches(fault.match, request));
			if (index === -1) return null;
			const fault = faults[index];
			fault.times -= 1;
			if (fault.times <= 0) faults.splice(index, 1);
			return fault;
		},
	};
}

function matches(match, request) {
	if (match.path !== undefined && match.path !== request.path) return false;
	if (match.bodyIncludes !== undefined && !request.rawBody.includes(match.bodyIncludes)) return false;
	return true;
}

// The answer for faults that answer at all (hang and destroy are the server's business).
function faultAnswer(fault, request) {
	const reason = `injected fault: ${fault.kind}`;
	if (fault.kind === 'failCode' && request.path.startsWith('/user/api/')) {
		// The customer API's envelope: { result: 'fail', code, message }.
		const known = Object.values(CUSTOMER_FAILS).find((entry) => entry.code === fault.failCode);
		const body = { result: 'fail', code: fault.failCode, message: fault.message ?? known?.message ?? 'error' };
		return jsonAnswer(fault.status ?? 200, body, reason, fault.headers);
	}
	if (fault.kind === 'failCode') {
		const uuid = isPlainObject(request.body) ? request.body.uuid : undefined;
		const details = { field: fault.field, message: fault.message, content: fault.content, uuid };
		if (details.field === undefined && [-800, -801, -802].includes(fault.failCode)) details.field = 'uuid';
		return jsonAnswer(fault.status ?? 200, failBody(fault.failCode, details), reason, fault.headers);
	}
	if (fault.kind === 'status') {
		if (fault.body !== undefined) {
			return rawAnswer(fault.status, fault.contentType ?? 'text/plain; charset=utf-8', fault.body, reason, fault.headers);
		}
		return rawAnswer(fault.status, fault.contentType ?? 'text/html; charset=utf-8', errorPage(fault.status), reason, fault.headers);
	}
	return malformedAnswer(fault.malformed, reason);
}

function malformedAnswer(kind, reason) {
	if (kind === 'html') return rawAnswer(200, 'text/html; charset=utf-8', errorPage(200), reason);
	if (kind === 'text') return rawAnswer(200, 'text/plain; charset=utf-8', 'OK', reason);
	if (kind === 'empty') return rawAnswer(200, JSON_TYPE, '', reason);
	return rawAnswer(200, JSON_TYPE, '{"code":0,"room_id":"12', reason);
}

// Looks like what a proxy in front of an API answers when things go wrong.
function errorPage(status) {
	const title = `${status} ${http.STATUS_CODES[status] || 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

module.exports = { normalizeFault, createFaultQueue, faultAnswer };
