'use strict';

const { jsonAnswer } = require('./answer');
const { isPlainObject } = require('./validate');

const CONTROL_PREFIX = '/__sandbox';

function isControlPath(path) {
	return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

// What each control path does with the sandbox handle; `body` is the parsed JSON body.
const ACTIONS = new Map([
	['GET /__sandbox/requests', (sandbox) => sandbox.requests],
	['POST /__sandbox/reset', (sandbox) => sandbox.reset()],
	['POST /__sandbox/fault', (sandbox, body) => sandbox.injectFault(body)],
	['POST /__sandbox/latency', (sandbox, body) => sandbox.setLatency(body && body.ms)],
	['POST /__sandbox/counselor', (sandbox, body) => sandbox.setCounselor(body)],
	['GET /__sandbox/rooms', (sandbox) => sandbox.rooms],
	['POST /__sandbox/rooms', (sandbox, body) => sandbox.setStrictRooms(body && body.strict)],
	['POST /__sandbox/counseling', (sandbox, body) => sandbox.setCounseling(counselingOf(body))],
	// The first, British spelling, still answered for scripts written against it.
	['POST /__sandbox/counselling', (sandbox, body) => sandbox.setCounseling(counselingOf(body))],
	['POST /__sandbox/receive-url', (sandbox, body) => sandbox.setReceiveUrl(body && body.url)],
	['POST /__sandbox/customer-message', (sandbox, body) => sandbox.sendCustomerMessage(body)],
	['GET /__sandbox/customer-messages', (sandbox) => sandbox.customerMessages],
	['POST /__sandbox/rate-limit', (sandbox, body) => sandbox.setRateLimit(rateLimitOf(body))],
	['GET /__sandbox/stats', (sandbox) => sandbox.stats()],
	['GET /__sandbox/history', (sandbox) => sandbox.historyRooms()],
	['POST /__sandbox/history', (sandbox, body) => sandbox.addHistoryRooms(body)],
	['POST /__sandbox/history/clear', (sandbox) => sandbox.clearHistory()],
	['POST /__sandbox/history/readings', (sandbox, body) => sandbox.setHistoryReadings(body)],
	['GET /__sandbox/customers', (sandbox) => sandbox.customers()],
	['GET /__sandbox/clock', (sandbox) => sandbox.clock()],
	['POST /__sandbox/clock', (sandbox, body) => sandbox.setClock(body)],
	['GET /__sandbox/service-history', (sandbox) => sandbox.serviceHistoryEntries()],
	['POST /__sandbox/service-history', (sandbox, body) => sandbox.addServiceHistory(body)],
	['POST /__sandbox/service-history/clear', (sandbox) => sandbox.clearServiceHistory()],
	['POST /__sandbox/service-history/readings', (sandbox, body) => sandbox.setServiceHistory(body)],
]);

/**
 * The HTTP control API, for tests that run in another process. Not authenticated, not recorded,
 * not delayed and not faulted: it drives the sandbox, it is not part of HappyTalk's API.
 * Resolves an answer: what a GET reads as is, otherwise { ok: true, ...what the action returned }.
 */
async function handleControlRequest(request, sandbox) {
	const action = ACTIONS.get(`${request.method} ${request.path}`);
	if (!action) {
		const known = [...ACTIONS.keys()].some((key) => key.endsWith(` ${request.path}`));
		return jsonAnswer(known ? 405 : 404, { ok: false, error: `no control action ${request.method} ${request.path}` });
	}
	let body;
	if (request.method === 'POST' && request.rawBody.trim() !== '') {
		try {
			body = JSON.parse(request.rawBody);
		} catch {
			return jsonAnswer(400, { ok: false, error: 'the body is not JSON' });
		}
	}
	try {
		const result = await action(sandbox, body);
		return jsonAnswer(200, request.method === 'GET' || Array.isArray(result) ? result : { ok: true, ...result });
	} catch (error) {
		// A bad request is 400; a customer message that could not be delivered says so (502).
		return jsonAnswer(error.status || 400, { ok: false, error: error.message });
	}
}

// { "code": -901 } or { "state": "available" } (either key takes either value).
function counselingOf(body) {
	if (!isPlainObject(body)) throw new TypeError('send { "code": -901 } or { "state": "available" }');
	if (body.code !== undefined && body.state !== undefined) throw new TypeError('send code or state, not both');
	return body.code ?? body.state;
}

// { "perSecond": 10, "retryAfterSeconds": 2 } sets a limit; { "off": true } removes it.
function rateLimitOf(body) {
	if (!isPlainObject(body)) throw new TypeError('send { "perSecond": 10, "retryAfterSeconds": 1 } or { "off": true }');
	if (body.off === undefined) return body;
	if (body.off !== true || Object.keys(body).length !== 1) throw new TypeError('send { "off": true } alone to remove the rate limit');
	return null;
}

module.exports = { isControlPath, handleControlRequest };
