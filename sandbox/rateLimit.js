'use strict';

const { performance } = require('perf_hooks');
const { jsonAnswer } = require('./answer');
const { isPlainObject } = require('./validate');

// HappyTalk documents no rate limit: this is our emulation, for bulk-sending tests.
const WINDOW_MS = 1000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;
const LIMIT_KEYS = ['perSecond', 'retryAfterSeconds', 'windowMs'];

/**
 * Checks a rate limit given by a test: { perSecond, retryAfterSeconds?, windowMs? } or null (no
 * limit). `windowMs` (default 1000) counts the rate over shorter windows: { perSecond: 150,
 * windowMs: 100 } lets at most 15 requests through in any 100 ms, so a burst of concurrent
 * requests meets the limit however fast the sender is. Returns the limit with its defaults or
 * null; throws a TypeError that says what is wrong.
 */
function checkRateLimit(limit, name) {
	if (limit === null) return null;
	if (!isPlainObject(limit)) throw new TypeError(`${name} must be { perSecond, retryAfterSeconds? } or null`);
	// An unknown key is most likely a typo ("perSec") that would silently do nothing.
	const unknown = Object.keys(limit).find((key) => !LIMIT_KEYS.includes(key));
	if (unknown !== undefined) throw new TypeError(`${name} has an unknown key ${unknown} (allowed: ${LIMIT_KEYS.join(', ')})`);
	const { perSecond, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS, windowMs = WINDOW_MS } = limit;
	if (!Number.isSafeInteger(perSecond) || perSecond < 1) throw new TypeError(`${name}.perSecond must be a whole number of at least 1`);
	if (!Number.isSafeInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
		throw new TypeError(`${name}.retryAfterSeconds must be a whole number of seconds, 0 or more`);
	}
	if (!Number.isSafeInteger(windowMs) || windowMs < 1 || windowMs > WINDOW_MS || (perSecond * windowMs) % WINDOW_MS !== 0) {
		throw new TypeError(`${name}.windowMs must be a whole number of ms from 1 to ${WINDOW_MS} in which perSecond allows a whole number of requests`);
	}
	return { perSecond, retryAfterSeconds, windowMs };
}

/** How many requests a limit lets through within one of its windows. */
const perWindow = (limit) => (limit.perSecond * limit.windowMs) / WINDOW_MS;

/**
 * The times of the requests let through in the last second (a sliding window). admit(limit) says
 * whether one more may pass now and, if so, counts it; refused requests are not counted. With no
 * limit nothing is counted, and setting a limit starts an empty window (clear()), so a test knows
 * exactly how many of its burst will pass.
 */
function createRateWindow() {
	let times = [];
	let head = 0;
	return {
		admit(limit, now = performance.now()) {
			if (!limit) return true;
			while (head < times.length && times[head] <= now - limit.windowMs) head += 1;
			// Drop the expired times now and then, so a long benchmark does not grow the array.
			if (head > 1024 && head * 2 > times.length) {
				times = times.slice(head);
				head = 0;
			}
			if (times.length - head >= perWindow(limit)) return false;
			times.push(now);
			return true;
		},
		clear() {
			times = [];
			head = 0;
		},
	};
}

// What a refused request gets: HTTP 429, Retry-After, and a small JSON body with no `code`.
function rateLimitedAnswer(limit) {
	return jsonAnswer(
		429,
		{ message: 'Too Many Requests' },
		`rate limit (sandbox emulation): more than ${perWindow(limit)} requests within ${limit.windowMs} ms`,
		{ 'Retry-After': String(limit.retryAfterSeconds) },
	);
}

module.exports = { checkRateLimit, createRateWindow, rateLimitedAnswer, WINDOW_MS };
