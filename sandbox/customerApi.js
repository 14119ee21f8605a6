'use strict';

const crypto = require('crypto');
const { jsonAnswer } = require('./answer');
const { customerFailBody } = require('./customerFailCodes');
const { chatView, messagesView, PARAMETER_COUNT } = require('./history');
const { roomListPage } = require('./historyReadings');
const { kstDay, kstDayStart } = require('./kstTime');
const { isPlainObject } = require('./validate');
const { PATHS: SERVICE_HISTORY_PATHS, serviceHistory } = require('./serviceHistory');

const PREFIX = '/user/api/';
const DAY_MS = 86400000;
const LIST_LIMIT = { default: 10, max: 50 };
// set_user_info: at most 20 characters per custom parameter, 200 for user_parameter; the rest is dropped.
const PARAMETER_MAX = 20;
const USER_PARAMETER_MAX = 200;
const CUSTOMER_FIELDS = ['username', 'phone', 'email', 'sex', 'birthday', 'birth_type'];
const ROOM_FIELDS = ['order_number', 'product_number', 'parcel_number'];

const ROUTES = new Map([
	['chat_data', byRoomId],
	['chat_lists', byUuid],
	['chat_list_for_userid', byCustomerId],
	['chat_room_lists', roomList],
	['set_user_info', setUserInfo],
	['service_history', serviceUsage],
]);

function isCustomerApiPath(path) {
	return path.startsWith(PREFIX);
}

/**
 * The customer API (customer-api.md): POST, JSON body, the company token in the body. `state` has
 * { companyToken, limitedToken, history }. HT-Client headers are accepted and ignored.
 * Order: route, method, body, token, then the call's own fields.
 */
function handleCustomerApiRequest(request, state) {
	// The service usage history also answers on the dc page's path (in front of it, the bnd hosts).
	const name = request.path === SERVICE_HISTORY_PATHS.dc ? 'service_history' : /^\/user\/api\/([a-z_]+)\/format\/json$/.exec(request.path)?.[1];
	const route = name && ROUTES.get(name);
	if (!route) return fail('unAuthorized', `no customer API endpoint ${request.path}`, 404);
	if (request.method !== 'POST') return fail('unAuthorized', `${request.method} is not allowed, use POST`, 405);
	if (!request.bodyOk || !isPlainObject(request.body)) return fail('token', 'body is not a JSON object, so it has no token');
	const token = request.body.token;
	if (sameText(token, state.limitedToken)) return fail('unAuthorized', 'this token has no permission for the customer API');
	if (!sameText(token, state.companyToken)) return fail('token', 'token is missing or wrong');
	return route(request.body, state.history, state.historyReadings, state);
}

function byRoomId(body, history, readings) {
	const room = typeof body.room_id === 'string' || typeof body.room_id === 'number' ? history.get(String(body.room_id)) : undefined;
	if (!room) return fail('room', `no room ${JSON.stringify(body.room_id)}`);
	if (readings.refusedRooms.includes(room.id)) return fail('room', `room ${room.id} is switched to refuse its messages (refusedRooms)`);
	return success([withMessages(room, history, readings)]);
}

function withMessages(room, history, readings) {
	return { chat: chatView(room, history, { sitePrefix: readings.sitePrefix }), message: messagesView(room, readings) };
}

function byUuid(body, history, readings) {
	if (!isText(body.uuid)) return fail('uuid', 'uuid is missing');
	// The uuid is sent without the site number (customer-api.md).
	if (!history.customer(body.uuid)) return fail('users', `no customer with uuid ${body.uuid}`);
	const query = readQuery(body, readings, history.now());
	if (query.fail) return query.fail;
	const rooms = select(history.list().filter((room) => room.uuid === body.uuid), query);
	return success(capped(rooms, readings).map((room) => withMessages(room, history, readings)));
}

// The customer-ID search documents no dates, status or sorting: every room, newest first.
function byCustomerId(body, history, readings) {
	if (!isText(body.userid)) return fail('uuid', 'userid is missing');
	const owners = new Set(history.customers().filter((entry) => entry.users_id === body.userid).map((entry) => entry.uuid));
	if (owners.size === 0) return fail('users', `no customer with users_id ${body.userid}`);
	const rooms = history.list().filter((room) => owners.has(room.uuid)).sort((a, b) => b.regMs - a.regMs || b.seq - a.seq);
	return success(capped(rooms, readings).map((room) => withMessages(room, history, readings)));
}

// Under the reading that caps the customer searches: the first rooms in their order, silently.
function capped(rooms, { customerSearchCap }) {
	return customerSearchCap === null ? rooms : rooms.slice(0, customerSearchCap);
}

function roomList(body, history, readings) {
	const query = readQuery(body, readings, history.now());
	if (query.fail) return query.fail;
	const limit = Math.min(LIST_LIMIT.max, Math.max(1, wholeNumber(body.limit) ?? LIST_LIMIT.default));
	const page = Math.max(1, wholeNumber(body.page) ?? 1);
	const rooms = select(history.list(), query).map((room) => chatView(room, history, { forList: true, sitePrefix: readings.sitePrefix }));
	return success(roomListPage(rooms, limit, page, readings));
}

function serviceUsage(body, _history, _readings, state) {
	const answer = serviceHistory(body, state.serviceLog, state.serviceHistory);
	return answer.fail ? fail(answer.fail, answer.reason) : success(answer.data);
}

function setUserInfo(body, history) {
	if (!isText(body.uuid)) return fail('uuid', 'uuid is missing');
	const roomId = typeof body.room_id === 'number' ? String(body.room_id) : body.room_id;
	if (!isText(roomId)) return fail('room', 'room_id is missing');
	const owner = history.customer(body.uuid);
	if (!owner) return fail('users', `no customer with uuid ${body.uuid}`);
	const room = history.get(roomId);
	if (!room || room.uuid !== body.uuid) return fail('room', `no room ${roomId} for uuid ${body.uuid}`);
	// Empty strings are ignored (the spec leaves open whether they clear a field).
	const given = (key) => (body[key] === undefined || body[key] === null || body[key] === '' ? undefined : String(body[key]));
	if (given('users_id') !== undefined) owner.users_id = given('users_id');
	for (const key of CUSTOMER_FIELDS) if (given(key) !== undefined) owner[key] = given(key);
	for (const key of ['category_id', 'division_id']) if (given(key) !== undefined) room[key] = given(key);
	for (const key of ROOM_FIELDS) if (given(key) !== undefined) room.fields[key] = given(key);
	for (let i = 1; i <= PARAMETER_COUNT; i++) {
		const value = given(`parameter${i}`);
		if (value !== undefined) room.fields[`parameter${i}`] = [...value].slice(0, PARAMETER_MAX).join('');
	}
	if (given('user_parameter') !== undefined) room.fields.user_parameter = [...given('user_parameter')].slice(0, USER_PARAMETER_MAX).join('');
	if (given('scenario_next') !== undefined) owner.scenario_next = given('scenario_next');
	return { body: { result: 'success' }, reason: null };
}

/**
 * Dates, state and order of a history search. `sdate`/`edate` win over `ndate`; nothing means
 * today (Korea time). One of sdate/edate alone stands for that single day. The range applies to
 * the date the rooms are sorted by: reg_date, or complate_date (then open rooms are left out).
 * Under the `edate: 'exclusive'` reading the range stops at the start of edate's day.
 */
function readQuery(body, { maxSpanDays, rangeBy, edate }, now) {
	const given = (key) => (body[key] === undefined || body[key] === null || body[key] === '' ? undefined : body[key]);
	const today = kstDay(now);
	let from;
	let to;
	if (given('sdate') !== undefined || given('edate') !== undefined) {
		from = kstDayStart(given('sdate') ?? given('edate'));
		to = kstDayStart(given('edate') ?? given('sdate'));
	} else {
		from = to = kstDayStart(given('ndate') ?? today);
	}
	if (from === null || to === null) return { fail: fail('overDate', 'a date is not a real Y-m-d date') };
	if (to < from) return { fail: fail('overDate', 'edate is before sdate') };
	const endsBefore = edate === 'exclusive' && given('sdate') !== undefined && given('edate') !== undefined;
	if ((to - from) / DAY_MS + (endsBefore ? 0 : 1) > maxSpanDays) return { fail: fail('overDate', `the range is longer than ${maxSpanDays} days`) };
	const status = given('status') === undefined ? 99 : Number(given('status'));
	const sortKey = body.sort_key === 'complate_date' ? 'endMs' : 'regMs';
	const rangeKey = { reg_date: 'regMs', complate_date: 'endMs', sortKey }[rangeBy];
	const descending = body.sort_value !== 'asc';
	return { from, to: endsBefore ? to : to + DAY_MS, status, sortKey, rangeKey, descending };
}

function select(rooms, { from, to, status, sortKey, rangeKey, descending }) {
	const chosen = rooms.filter((room) => {
		const at = room[rangeKey];
		return at !== null && at >= from && at < to && (status === 99 || String(status) === room.status);
	});
	// Within one timestamp, the order rooms were created in: deterministic, as a database's would be.
	// An open room has no complate_date ("0000-00-00 00:00:00"): the earliest of all.
	chosen.sort((a, b) => (a[sortKey] ?? 0) - (b[sortKey] ?? 0) || a.seq - b.seq);
	return descending ? chosen.reverse() : chosen;
}

function success(data) {
	return { body: { result: 'success', data }, reason: null };
}

function fail(name, reason, status = 200) {
	return { body: customerFailBody(name), reason, status };
}

function wholeNumber(value) {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return Number.isInteger(number) ? number : undefined;
}

function isText(value) {
	return typeof value === 'string' && value !== '';
}

function sameText(given, expected) {
	if (typeof given !== 'string' || typeof expected !== 'string') return false;
	const digest = (text) => crypto.createHash('sha256').update(text).digest();
	return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** The answer object server.js writes (see answer.js). */
function customerApiAnswer(request, state) {
	const result = handleCustomerApiRequest(request, state);
	return jsonAnswer(result.status ?? 200, result.body, result.reason);
}

module.exports = { isCustomerApiPath, customerApiAnswer, LIST_LIMIT };
