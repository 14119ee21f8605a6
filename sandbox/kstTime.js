'use strict';

// The customer API writes times without a zone; the sandbox writes them in Korea time (UTC+9),
// the likely reading (see customer-api.md, "Time zone").
const KST_OFFSET_MS = 9 * 3600 * 1000;
const NOT_ENDED = '0000-00-00 00:00:00';

function kstDateTime(ms) {
	if (ms === null || ms === undefined) return NOT_ENDED;
	return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function kstDay(ms) {
	return kstDateTime(ms).slice(0, 10);
}

// 'Y-m-d' → the epoch ms of that day's 00:00 in Korea; null when it is not a real date.
function kstDayStart(text) {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
	const ms = Date.parse(`${text}T00:00:00+09:00`);
	return Number.isNaN(ms) || kstDay(ms) !== text ? null : ms;
}

module.exports = { KST_OFFSET_MS, NOT_ENDED, kstDateTime, kstDay, kstDayStart };
