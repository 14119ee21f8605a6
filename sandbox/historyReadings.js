'use strict';

const { isPlainObject } = require('./validate');

/**
 * Where customer-api.md leaves the history searches open, the sandbox can be switched to each
 * reading (written from the spec, "What the documents leave open"):
 * - `pageCap`: HappyTalk may cap pages below the documented maximum of 50; its answer then says
 *   `limit: <cap>`. null: the documented 50.
 * - `ignorePage`: the room list may ignore `page` and always answer the first page: true says
 *   `page: 1` in its answer, 'silently' repeats the page number asked for.
 * - `totalCount`: `total_count` is not said to count all pages: 'exact' (every matching room),
 *   'absent' (not sent), 'low' (half of them, rounded down), 'high' (100 more than there are),
 *   'page' (the rooms on this page: "the number of rooms" read as the answer's own).
 * - `numbersAsStrings`: `page`, `limit` and `total_count` are documented as String.
 * - `maxSpanDays`: the spec names `-504 overDate` but no maximum span; a longer range is refused.
 * - `sitePrefix`: a room's `customer_uuid` is `<site>_<uuid>` in every example; false sends the
 *   uuid alone (a reading in which HappyTalk writes no site number).
 * - `rangeBy`: which date `sdate`/`edate` select by. The spec leaves open whether the range applies
 *   to `reg_date` or to `complate_date` when `sort_key` is `complate_date`: 'sortKey' (the date
 *   sorted by), 'reg_date' (always the day a room was opened) or 'complate_date'.
 * - `refusedRooms`: ids of rooms whose search by room ID answers `-503 room`, as for a room
 *   HappyTalk deleted or cannot read; they stay in the room list.
 * - `edate`: the spec calls `edate` "the end of the search range" (검색 종료일) and does not say
 *   whether that day is in it: 'inclusive' (days sdate … edate) or 'exclusive' (days from sdate up
 *   to the day before edate, as a query `>= sdate AND < edate` reads it: `sdate` = `edate` selects
 *   nothing, and the span counted against `maxSpanDays` is edate − sdate days).
 * - `customerSearchCap`: the searches by customer ID and by UUID document no `limit` or `page`, and
 *   nothing says whether they cap their answers: a whole number answers at most that many rooms,
 *   the first in the search's order, with nothing saying so (their `data` is an array: no
 *   `total_count`). null: every matching room.
 */
const DEFAULT_READINGS = Object.freeze({
	pageCap: null,
	ignorePage: false,
	totalCount: 'exact',
	numbersAsStrings: false,
	maxSpanDays: 31,
	sitePrefix: true,
	rangeBy: 'sortKey',
	refusedRooms: Object.freeze([]),
	edate: 'inclusive',
	customerSearchCap: null,
});
const EDATE = ['inclusive', 'exclusive'];
const RANGE_BY = ['sortKey', 'reg_date', 'complate_date'];
const TOTAL_COUNTS = ['exact', 'absent', 'low', 'high', 'page'];

/** A partial set of readings checked and laid over `base`; throws a TypeError naming a bad one. */
function checkReadings(input, base = DEFAULT_READINGS) {
	if (input === undefined || input === null) return { ...base };
	if (!isPlainObject(input)) throw new TypeError('history readings must be an object');
	const unknown = Object.keys(input).find((key) => !(key in DEFAULT_READINGS));
	if (unknown !== undefined) {
		throw new TypeError(`history readings have an unknown key ${unknown} (allowed: ${Object.keys(DEFAULT_READINGS).join(', ')})`);
	}
	const readings = { ...base, ...input };
	for (const key of ['pageCap', 'customerSearchCap']) {
		if (readings[key] !== null && !(Number.isInteger(readings[key]) && readings[key] >= 1)) {
			throw new TypeError(`${key} must be a whole number of at least 1, or null`);
		}
	}
	if (!(Number.isInteger(readings.maxSpanDays) && readings.maxSpanDays >= 1)) {
		throw new TypeError('maxSpanDays must be a whole number of at least 1');
	}
	if (!TOTAL_COUNTS.includes(readings.totalCount)) throw new TypeError(`totalCount must be one of ${TOTAL_COUNTS.join(', ')}`);
	if (!EDATE.includes(readings.edate)) throw new TypeError(`edate must be one of ${EDATE.join(', ')}`);
	if (!RANGE_BY.includes(readings.rangeBy)) throw new TypeError(`rangeBy must be one of ${RANGE_BY.join(', ')}`);
	if (!Array.isArray(readings.refusedRooms) || !readings.refusedRooms.every((id) => typeof id === 'string')) {
		throw new TypeError('refusedRooms must be an array of room ids (strings)');
	}
	if (![true, false, 'silently'].includes(readings.ignorePage)) throw new TypeError("ignorePage must be true, false or 'silently'");
	for (const key of ['numbersAsStrings', 'sitePrefix']) {
		if (typeof readings[key] !== 'boolean') throw new TypeError(`${key} must be true or false`);
	}
	return readings;
}

/** The room list's `data` for `rooms` (all that match), asked for `page` of `limit`. */
function roomListPage(rooms, askedLimit, askedPage, readings) {
	const limit = readings.pageCap === null ? askedLimit : Math.min(askedLimit, readings.pageCap);
	const page = readings.ignorePage ? 1 : askedPage;
	const answeredPage = readings.ignorePage === 'silently' ? askedPage : page;
	const chatList = rooms.slice((page - 1) * limit, page * limit);
	const total = { exact: rooms.length, low: Math.floor(rooms.length / 2), high: rooms.length + 100, page: chatList.length }[readings.totalCount];
	const number = (value) => (readings.numbersAsStrings ? String(value) : value);
	return {
		page: number(answeredPage),
		limit: number(limit),
		...(total === undefined ? {} : { total_count: number(total) }),
		chat_list: chatList,
	};
}

module.exports = { DEFAULT_READINGS, checkReadings, roomListPage };
