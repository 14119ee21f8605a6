'use strict';

const { jsonAnswer } = require('./answer');

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
]);

/**
 * The HTTP control API, for tests that run in another process. Not authenticated, not recorded,
 * not delayed and not faulted: it drives the sandbox, it is not part of HappyTalk's API.
 */
function handleControlRequest(request, sandbox) {
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
		const result = action(sandbox, body);
		return jsonAnswer(200, Array.isArray(result) ? result : { ok: true });
	} catch (error) {
		return jsonAnswer(400, { ok: false, error: error.message });
	}
}

module.exports = { isControlPath, handleControlRequest };
