'use strict';

const crypto = require('crypto');
const { failBody } = require('./failCodes');
const { jsonAnswer } = require('./answer');
const { isPlainObject } = require('./validate');
const { chatWrite, isCounselor } = require('./endpoints');
const { chatOpen, chatEnd } = require('./roomEndpoints');

const DEFAULT_COUNSELOR = Object.freeze({ counselor: 'not exist', counselor_code: 0, counselor_name: '' });

const ROUTES = new Map([
	['/v1/chat/open', (body, state) => chatOpen(body, state)],
	['/v1/chat/write', (body, state) => chatWrite(body, state)],
	['/v1/chat/end', (body, state) => chatEnd(body, state)],
	['/v1/chat/isCounselor', (body, state) => isCounselor(body, state.counselor)],
]);

/**
 * HappyTalk's side of one API call. `request` is { method, path, headers, rawBody, body, bodyOk };
 * `state` is { clientId, clientSecret, counselor, rooms, strictRooms, counseling }.
 * Returns an answer (see answer.js).
 * Order: authentication, route, method, content type, body, fields.
 */
function handleApiRequest(request, state) {
	const authProblem = checkAuth(request.headers, state);
	if (authProblem) return jsonAnswer(200, failBody(-500), authProblem);
	const route = ROUTES.get(request.path);
	if (!route) return jsonAnswer(404, failBody(-400), `no endpoint ${request.path}`);
	if (request.method !== 'POST') {
		return jsonAnswer(405, failBody(-400), `${request.method} is not allowed, use POST`, { Allow: 'POST' });
	}
	const typeProblem = checkContentType(request.headers['content-type']);
	if (typeProblem) return jsonAnswer(200, failBody(-800, { field: null }), typeProblem);
	if (!request.bodyOk || !isPlainObject(request.body)) {
		return jsonAnswer(200, failBody(-800, { field: null }), 'body is not a UTF-8 JSON object');
	}
	const result = route(request.body, state);
	return jsonAnswer(200, result.body || result.fail, result.reason);
}

// Both headers must be present and equal; the reason names the header, never its value.
function checkAuth(headers, state) {
	if (!sameText(headers['ht-client-id'], state.clientId)) return 'HT-Client-Id is missing or wrong';
	if (!sameText(headers['ht-client-secret'], state.clientSecret)) return 'HT-Client-Secret is missing or wrong';
	return null;
}

// Compares hashes so the time taken does not reveal how much of a secret matched.
function sameText(given, expected) {
	if (typeof given !== 'string') return false;
	const digest = (text) => crypto.createHash('sha256').update(text).digest();
	return crypto.timingSafeEqual(digest(given), digest(expected));
}

// The spec has every call send Content-Type: application/json; a charset, if any, must be UTF-8.
function checkContentType(header) {
	if (typeof header !== 'string') return 'Content-Type is missing, send application/json';
	const [essence, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
	if (essence !== 'application/json') return `Content-Type is ${essence}, send application/json`;
	const charset = params.find((param) => param.startsWith('charset='));
	if (charset && !['charset=utf-8', 'charset="utf-8"'].includes(charset)) return `Content-Type has ${charset}, use utf-8`;
	return null;
}

module.exports = { handleApiRequest, DEFAULT_COUNSELOR };
