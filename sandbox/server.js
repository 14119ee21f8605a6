'use strict';

const http = require('http');
const { EventEmitter } = require('events');
const { DEFAULT_COUNSELOR } = require('./bizApi');
const { createFaultQueue } = require('./faults');
const { isControlPath, handleControlRequest } = require('./control');
const { serveApiRequest, writeAnswer } = require('./exchange');
const { readBody } = require('./body');
const { isPlainObject } = require('./validate');

/**
 * Starts a local stand-in for HappyTalk's Biz API. Resolves a handle (an EventEmitter that emits
 * 'request' with each settled request record): { url, port, clientId, clientSecret, requests,
 * reset(), setLatency(ms), injectFault(fault), setCounselor(answer), close() }. See README.md.
 */
async function startSandbox(options = {}) {
	const settings = readOptions(options);
	const state = {
		clientId: settings.clientId,
		clientSecret: settings.clientSecret,
		latencyMs: settings.latencyMs,
		counselor: { ...DEFAULT_COUNSELOR },
		faults: createFaultQueue(),
		requests: [],
		seq: 0,
		timers: new Set(),
		unsettled: new Set(),
		closing: false,
	};
	const server = http.createServer();
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	let closed = null;
	const sandbox = Object.assign(new EventEmitter(), {
		url: '',
		port: 0,
		clientId: settings.clientId,
		clientSecret: settings.clientSecret,
		// Always the same array, so a test may hold on to it across reset().
		requests: state.requests,
		reset() {
			state.requests.length = 0;
			state.seq = 0;
			state.faults.clear();
			state.latencyMs = settings.latencyMs;
			state.counselor = { ...DEFAULT_COUNSELOR };
		},
		setLatency(ms) {
			state.latencyMs = checkLatency(ms, 'latency');
		},
		injectFault(fault) {
			state.faults.add(fault);
		},
		setCounselor(answer) {
			state.counselor = checkCounselor(answer);
		},
		close() {
			closed = closed || shutDown(server, sockets, state);
			return closed;
		},
	});

	server.on('request', (req, res) => {
		const path = pathOf(req.url);
		if (isControlPath(path)) {
			readBody(req).then(({ rawBody }) => {
				writeAnswer(res, handleControlRequest({ method: req.method, path, rawBody }, sandbox));
			});
			return;
		}
		serveApiRequest(req, res, path, state, sandbox);
	});

	await listen(server, settings.host, settings.port);
	sandbox.port = server.address().port;
	sandbox.url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${sandbox.port}`;
	return sandbox;
}

function readOptions(options) {
	const settings = {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		clientId: options.clientId ?? 'sandbox-client-id',
		clientSecret: options.clientSecret ?? 'sandbox-client-secret',
		latencyMs: checkLatency(options.latencyMs ?? 0, 'latencyMs'),
	};
	if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535) {
		throw new TypeError('port must be a whole number from 0 to 65535');
	}
	for (const key of ['host', 'clientId', 'clientSecret']) {
		if (typeof settings[key] !== 'string' || settings[key] === '') throw new TypeError(`${key} must be a non-empty string`);
	}
	return settings;
}

function checkLatency(ms, name) {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new TypeError(`${name} must be a number of milliseconds, 0 or more`);
	return ms;
}

function checkCounselor(answer) {
	const ok = isPlainObject(answer)
		&& typeof answer.counselor === 'string'
		&& Number.isInteger(answer.counselor_code)
		&& typeof answer.counselor_name === 'string';
	if (!ok) throw new TypeError('the counselor answer needs counselor (string), counselor_code (whole number), counselor_name (string)');
	return { counselor: answer.counselor, counselor_code: answer.counselor_code, counselor_name: answer.counselor_name };
}

// Only the part before '?'; not parsed as a URL, so a doubled slash ('//v1/chat/write') stays visible.
function pathOf(target) {
	const end = target.indexOf('?');
	return end === -1 ? target : target.slice(0, end);
}

function listen(server, host, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

// Hanging requests and keep-alive sockets would keep the process alive: end them all.
function shutDown(server, sockets, state) {
	state.closing = true;
	for (const timer of state.timers) clearTimeout(timer);
	state.timers.clear();
	for (const settle of [...state.unsettled]) settle('sandbox-closed');
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
		for (const socket of sockets) socket.destroy();
	});
}

module.exports = { startSandbox };
