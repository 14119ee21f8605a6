'use strict';

const http = require('http');
const { EventEmitter } = require('events');
const { DEFAULT_COUNSELOR } = require('./bizApi');
const { createFaultQueue } = require('./faults');
const { isControlPath, handleControlRequest } = require('./control');
const { isAttachmentPath, serveAttachment, PREFIX: ATTACHMENT_PREFIX } = require('./attachments');
const { serveApiRequest, writeAnswer } = require('./exchange');
const { readBody } = require('./body');
const { createRoomBook } = require('./rooms');
const { createHistory } = require('./history');
const { createClock } = require('./clock');
const { seedRooms } = require('./historySeed');
const { sendCustomerMessage } = require('./simulator');
const { checkServiceHistorySettings, createServiceLog, seedServiceLog } = require('./serviceHistory');
const { createRateWindow } = require('./rateLimit');
const { checkReadings } = require('./historyReadings');
const { createStats } = require('./stats');
const {
	readOptions,
	checkLatency,
	checkCounselor,
	checkStrictRooms,
	checkCounseling,
	checkReceiveUrl,
	checkRateLimit,
} = require('./options');

/**
 * Starts a local stand-in for HappyTalk's Biz API. Resolves a handle (an EventEmitter that emits
 * 'request' with each settled request record, and 'customer-message' with each customer message
 * once delivered or not): { url, port, clientId, clientSecret, requests,
 * rooms, customerMessages, reset(), setLatency(ms), injectFault(fault), setCounselor(answer),
 * setStrictRooms(strict), setCounseling(state), setReceiveUrl(url), setRateLimit(limit), stats(),
 * sendCustomerMessage(message), clearHistory(), setHistoryReadings(readings), addHistoryRooms(specs), historyRooms(), customers(),
 * setClock(setting), clock(), close() }; also companyToken and limitedToken for the customer API. See README.md.
 */
async function startSandbox(options = {}) {
	const settings = readOptions(options);
	const clock = createClock();
	const state = {
		clientId: settings.clientId,
		clientSecret: settings.clientSecret,
		companyToken: settings.companyToken,
		limitedToken: settings.limitedToken,
		history: createHistory(clock),
		serviceLog: createServiceLog(),
		serviceHistory: settings.serviceHistory,
		historyReadings: settings.historyReadings,
		latencyMs: settings.latencyMs,
		counselor: { ...DEFAULT_COUNSELOR },
		rooms: createRoomBook(clock),
		strictRooms: settings.strictRooms,
		counseling: settings.counseling,
		receiveUrl: settings.receiveUrl,
		rateLimit: settings.rateLimit,
		rateWindow: createRateWindow(),
		stats: createStats(),
		customerMessages: [],
		attachmentDownloads: [],
		faults: createFaultQueue(),
		requests: [],
		seq: 0,
		timers: new Set(),
		unsettled: new Set(),
		// Abort functions of customer messages still in flight.
		outgoing: new Set(),
		closing: false,
	};
	// Generated once: reset() restores the same seeded history (cheap, as tests reset often).
	const seeded = seedRooms({ count: settings.historyRooms, days: settings.historyDays, now: Date.now() });
	const seedHistory = () => {
		for (const spec of seeded) state.history.addRoom(spec);
	};
	seedHistory();
	const seedNow = Date.now();
	const seedServiceHistory = () => seedServiceLog(state.serviceLog, { days: settings.historyDays, now: seedNow });
	seedServiceHistory();
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
		companyToken: settings.companyToken,
		limitedToken: settings.limitedToken,
		// Always the same array, so a test may hold on to it across reset().
		requests: state.requests,
		customerMessages: state.customerMessages,
		// Downloads of customers' attachments (not API requests): { path, query, status, at }.
		attachmentDownloads: state.attachmentDownloads,
		// Where a customer's attachment is served: a catalogue name, with test switches as a query.
		attachmentUrl(name, query = {}) {
			const search = new URLSearchParams(query).toString();
			return `${sandbox.url}${ATTACHMENT_PREFIX}${encodeURIComponent(name)}${search ? `?${search}` : ''}`;
		},
		reset() {
			state.requests.length = 0;
			state.seq = 0;
			state.faults.clear();
			state.latencyMs = settings.latencyMs;
			state.counselor = { ...DEFAULT_COUNSELOR };
			state.rooms.clear();
			state.strictRooms = settings.strictRooms;
			state.counseling = settings.counseling;
			state.receiveUrl = settings.receiveUrl;
			state.rateLimit = settings.rateLimit;
			state.rateWindow.clear();
			state.stats = createStats();
			state.customerMessages.length = 0;
			state.attachmentDownloads.length = 0;
			state.history.clear();
			state.historyReadings = settings.historyReadings;
			clock.set({});
			seedHistory();
			state.serviceLog.clear();
			seedServiceHistory();
			state.serviceHistory = settings.serviceHistory;
		},
		// The service usage history: entries as the spec's fields (dates 'Y-m-d H:i:s', Korea time).
		addServiceHistory(entries) {
			if (!Array.isArray(entries)) throw new TypeError('send an array of entries');
			return { entries: entries.map((entry) => state.serviceLog.add(entry ?? {})) };
		},
		clearServiceHistory() {
			state.serviceLog.clear();
		},
		serviceHistoryEntries() {
			return state.serviceLog.list();
		},
		// { span?: 'under24h' | 'calendarDay', defaultFormat?: 'siem' | 'raw' }: the spec's open readings.
		setServiceHistory(readings) {
			state.serviceHistory = checkServiceHistorySettings({ ...state.serviceHistory, ...readings });
		},
		// HappyTalk's clock (clock.js): { offsetMs }, { nowMs, speed }, or {} for real time.
		setClock(setting) {
			return { clock: clock.set(setting) };
		},
		clock() {
			return clock.describe();
		},
		// Readings of the customer API's open points (historyReadings.js); the keys given change.
		setHistoryReadings(readings) {
			state.historyReadings = checkReadings(readings, state.historyReadings);
			return { readings: state.historyReadings };
		},
		// The customer API's rooms: [] empties the history; room specs (see history.js) add rooms.
		clearHistory() {
			state.history.clear();
		},
		addHistoryRooms(specs) {
			return addHistoryRooms(state.history, specs);
		},
		historyRooms() {
			return state.history.list().map((room) => ({ id: room.id, uuid: room.uuid, status: room.status, regMs: room.regMs, endMs: room.endMs, messages: room.messages.length, fields: { ...room.fields } }));
		},
		customers() {
			return state.history.customers();
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
		setStrictRooms(strict) {
			state.strictRooms = checkStrictRooms(strict, 'strict');
		},
		setCounseling(counseling) {
			state.counseling = checkCounseling(counseling);
		},
		setReceiveUrl(url) {
			state.receiveUrl = checkReceiveUrl(url ?? null);
		},
		// { perSecond, retryAfterSeconds? }, or null for none. Counting starts afresh from here.
		setRateLimit(limit) {
			state.rateLimit = checkRateLimit(limit ?? null, 'rate limit');
			state.rateWindow.clear();
		},
		// A fresh object each time; cheap, so a benchmark can poll it.
		stats() {
			return state.stats.snapshot();
		},
		// Emits 'customer-message' with the delivery's record once the receiver answered (or not).
		sendCustomerMessage(message) {
			const count = state.customerMessages.length;
			const sending = sendCustomerMessage(state, message);
			const record = state.customerMessages[count];
			const announce = () => record && sandbox.emit('customer-message', record);
			sending.then(announce, announce);
			return sending;
		},
		close() {
			closed = closed || shutDown(server, sockets, state);
			return closed;
		},
	});

	// A fresh copy on every read: callers look at the rooms, they do not change them.
	Object.defineProperty(sandbox, 'rooms', { enumerable: true, get: () => Object.freeze(state.rooms.list()) });

	server.on('request', (req, res) => {
		const path = pathOf(req.url);
		if (isControlPath(path)) {
			readBody(req)
				.then(({ rawBody }) => handleControlRequest({ method: req.method, path, rawBody }, sandbox))
				.then((answer) => {
					if (!res.destroyed) writeAnswer(res, answer);
				});
			return;
		}
		if (isAttachmentPath(path)) {
			serveAttachment(req, res, path, req.url, state);
			return;
		}
		serveApiRequest(req, res, path, state, sandbox);
	});

	await listen(server, settings.host, settings.port);
	sandbox.port = server.address().port;
	sandbox.url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${sandbox.port}`;
	return sandbox;
}

// Rooms given by a test or the control API: { id?, uuid, users_id?, reg_date, complate_date?, status?, out_api?, messages? }
// with dates as 'YYYY-MM-DD HH:MM:SS' in Korea time; messages as { user_type?, contents_type?, contents, send_date }.
function addHistoryRooms(history, specs) {
	if (!Array.isArray(specs)) throw new TypeError('send an array of rooms');
	const kst = (text, name) => {
		const ms = typeof text === 'string' ? Date.parse(`${text.replace(' ', 'T')}+09:00`) : NaN;
		if (Number.isNaN(ms)) throw new TypeError(`${name} must be 'YYYY-MM-DD HH:MM:SS' (Korea time)`);
		return ms;
	};
	const ids = specs.map((spec, index) => {
		if (!spec || typeof spec.uuid !== 'string' || spec.uuid === '') throw new TypeError(`rooms[${index}].uuid must be a non-empty string`);
		const regMs = kst(spec.reg_date, `rooms[${index}].reg_date`);
		const endMs = spec.complate_date ? kst(spec.complate_date, `rooms[${index}].complate_date`) : null;
		const room = history.addRoom({
			id: spec.id ?? `T${String(Date.now()).slice(-8)}${String(index).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`.padEnd(30, '0').slice(0, 30),
			uuid: spec.uuid,
			users_id: spec.users_id ?? null,
			regMs,
			endMs,
			status: spec.status ?? (endMs === null ? '1' : '2'),
			out_api: spec.out_api ?? '0',
			messages: (spec.messages ?? []).map((message, m) => ({
				sentMs: kst(message.send_date, `rooms[${index}].messages[${m}].send_date`),
				readMs: kst(message.send_date, `rooms[${index}].messages[${m}].send_date`),
				from: (message.user_type ?? 'C') === 'C' ? 'customer' : message.user_type === 'B' ? 'bot' : 'agent01',
				user_type: message.user_type ?? 'C',
				type: message.type ?? 'C',
				contents_type: message.contents_type ?? 'text',
				contents: message.contents,
			})),
		});
		return room.id;
	});
	return { ids };
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
	for (const abort of [...state.outgoing]) abort('the sandbox closed');
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
		for (const socket of sockets) socket.destroy();
	});
}

module.exports = { startSandbox };
