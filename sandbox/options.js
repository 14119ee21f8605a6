'use strict';

const { isPlainObject } = require('./validate');
const { checkRateLimit } = require('./rateLimit');
const { checkReadings } = require('./historyReadings');
const { checkServiceHistorySettings } = require('./serviceHistory');

// The -900..-904 codes that open can answer instead of opening a room.
const COUNSELING_CODES = [-900, -901, -902, -903, -904];

// startSandbox's options, checked, with their defaults. Throws a TypeError on a bad one.
function readOptions(options) {
	const settings = {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		clientId: options.clientId ?? 'sandbox-client-id',
		clientSecret: options.clientSecret ?? 'sandbox-client-secret',
		latencyMs: checkLatency(options.latencyMs ?? 0, 'latencyMs'),
		strictRooms: checkStrictRooms(options.strictRooms ?? false, 'strictRooms'),
		counseling: checkCounseling(options.counseling ?? 'available'),
		receiveUrl: checkReceiveUrl(options.receiveUrl ?? null),
		rateLimit: checkRateLimit(options.rateLimit ?? null, 'rateLimit'),
		companyToken: options.companyToken ?? 'sandbox-company-token',
		limitedToken: options.limitedToken ?? 'sandbox-limited-token',
		historyRooms: options.historyRooms ?? 360,
		historyDays: options.historyDays ?? 8,
		historyReadings: checkReadings(options.historyReadings),
		serviceHistory: checkServiceHistorySettings({ span: options.serviceHistorySpan, defaultFormat: options.serviceHistoryDefaultFormat }),
	};
	if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535) {
		throw new TypeError('port must be a whole number from 0 to 65535');
	}
	for (const key of ['historyRooms', 'historyDays']) {
		if (!Number.isInteger(settings[key]) || settings[key] < 0) throw new TypeError(`${key} must be a whole number, 0 or more`);
	}
	for (const key of ['host', 'clientId', 'clientSecret', 'companyToken', 'limitedToken']) {
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
		&& (Number.isInteger(answer.counselor_code) || (typeof answer.counselor_code === 'string' && /^-?\d+$/.test(answer.counselor_code)))
		&& typeof answer.counselor_name === 'string';
	if (!ok) throw new TypeError('the counselor answer needs counselor (string), counselor_code (whole number, or its digits as a string), counselor_name (string)');
	return { counselor: answer.counselor, counselor_code: answer.counselor_code, counselor_name: answer.counselor_name };
}

function checkStrictRooms(strict, name) {
	if (typeof strict !== 'boolean') throw new TypeError(`${name} must be true or false`);
	return strict;
}

function checkCounseling(state) {
	if (state === 'available' || COUNSELING_CODES.includes(state)) return state;
	throw new TypeError(`counseling must be 'available' or one of the numbers ${COUNSELING_CODES.join(', ')}`);
}

// null means none. Only http(s): the simulator posts to this address and nowhere else.
function checkReceiveUrl(url) {
	if (url === null) return null;
	let parsed;
	try {
		parsed = typeof url === 'string' ? new URL(url) : null;
	} catch {
		parsed = null;
	}
	if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
		throw new TypeError('receiveUrl must be an http:// or https:// address');
	}
	return url;
}

module.exports = {
	readOptions,
	checkLatency,
	checkCounselor,
	checkStrictRooms,
	checkCounseling,
	checkReceiveUrl,
	checkRateLimit,
	COUNSELING_CODES,
};
