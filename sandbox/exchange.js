'use strict';

const { readBody } = require('./body');
const { handleApiRequest } = require('./bizApi');
const { isCustomerApiPath, customerApiAnswer } = require('./customerApi');
const { faultAnswer } = require('./faults');
const { rateLimitedAnswer } = require('./rateLimit');

/**
 * One API request from arrival to answer: record it, read it, apply a fault, the rate limit or the
 * API, wait the latency, answer. `state` is the sandbox's shared state; `emitter` gets 'request'
 * once per request when it is settled (answered, destroyed, or the connection went away first).
 * Each request waits on its own timer, so many at once are delayed in parallel, not one by one.
 */
async function serveApiRequest(req, res, path, state, emitter) {
	const record = {
		seq: ++state.seq,
		method: req.method,
		path,
		url: req.url,
		headers: { ...req.headers },
		rawBody: '',
		body: undefined,
		receivedAt: Date.now(),
		answeredAt: null,
		status: null,
		code: null,
		reason: null,
		fault: null,
		responseBody: null,
		outcome: 'pending',
	};
	state.requests.push(record);
	// The stats in force on arrival: after a reset(), a request still in flight keeps the old ones.
	const stats = state.stats;
	stats.received(record);
	const settle = (outcome) => {
		state.unsettled.delete(settle);
		record.outcome = outcome;
		stats.settled();
		emitter.emit('request', record);
	};
	// close() settles what is still open itself, so records are final when it resolves.
	state.unsettled.add(settle);
	res.on('close', () => {
		if (record.outcome === 'pending') settle(state.closing ? 'sandbox-closed' : 'client-closed');
	});

	const { rawBody, body, bodyOk } = await readBody(req);
	record.rawBody = rawBody;
	record.body = body;
	if (record.outcome !== 'pending') return;

	// Faults come before everything else: they stand for the network or a broken server.
	const fault = state.faults.take(record);
	if (fault) record.fault = fault.kind;
	if (fault && fault.kind === 'hang') return;
	// The rate limit stands in front of HappyTalk's server: after faults (the network), before
	// authentication. Decided on arrival, with the limit of that moment.
	const limit = state.rateLimit;
	const limited = !fault && !state.rateWindow.admit(limit);
	await sleep(state.latencyMs, state);
	if (record.outcome !== 'pending') return;
	if (fault && fault.kind === 'destroy') {
		record.answeredAt = Date.now();
		settle('destroyed');
		req.socket.destroy();
		return;
	}
	const by = fault ? 'fault' : limited ? 'rate-limit' : 'api';
	let answer;
	if (by === 'fault') answer = faultAnswer(fault, record);
	else if (by === 'rate-limit') answer = rateLimitedAnswer(limit);
	else {
		const request = { method: req.method, path, headers: record.headers, rawBody, body, bodyOk };
		answer = isCustomerApiPath(path) ? customerApiAnswer(request, state) : handleApiRequest(request, state);
	}
	writeAnswer(res, answer);
	Object.assign(record, {
		status: answer.status,
		code: answer.code ?? null,
		reason: answer.reason,
		responseBody: answer.text,
		answeredAt: Date.now(),
	});
	stats.answered(record, by);
	settle('answered');
}

function writeAnswer(res, answer) {
	const noBody = answer.status === 204 || answer.status === 304;
	const headers = { 'Content-Type': answer.contentType, ...answer.headers };
	if (!noBody) headers['Content-Length'] = Buffer.byteLength(answer.text);
	// Header values must be plain ASCII; a reason may quote a client's odd field name.
	if (answer.reason) headers['X-Sandbox-Reason'] = answer.reason.replace(/[^\x20-\x7e]/g, '?');
	res.writeHead(answer.status, headers);
	res.end(noBody ? undefined : answer.text);
}

// Timers are tracked so close() can cancel them and the process can exit.
function sleep(ms, state) {
	if (!(ms > 0)) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			state.timers.delete(timer);
			resolve();
		}, ms);
		state.timers.add(timer);
	});
}

module.exports = { serveApiRequest, writeAnswer };
