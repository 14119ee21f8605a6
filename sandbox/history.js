'use strict';

const { kstDateTime } = require('./kstTime');

// The company's site number: HappyTalk writes a room's customer_uuid as `<site>_<uuid>`.
const SITE_NUMBER = '1000000001';
const FIRST_MESSAGE_ID = 562800;
const PARAMETER_COUNT = 10;
// Messages sent through the Biz API are recorded as this counselor's (customer-api.md, templates).
const BIZ_API_SENDER = 'lc_biz_api';
const DEFAULT_TITLE = '1:1 채팅 상담 문의 드립니다.';

/**
 * What the customer API reads: every room with its conversation, and the customers. Rooms come
 * from the seed, from /v1/chat/open (their state follows the Biz API's room book), or from a test.
 * A room is { id, uuid, seq, regMs, endMs, status, fields…, messages: [{ id, sentMs, readMs, … }] }.
 */
function createHistory(clock = { now: Date.now }) {
	const rooms = new Map();
	const customers = new Map();
	let seq = 0;
	let nextMessageId = FIRST_MESSAGE_ID;

	const customer = (uuid, usersId = null) => {
		if (!customers.has(uuid)) customers.set(uuid, { uuid, users_id: usersId });
		return customers.get(uuid);
	};
	const addMessage = (room, message) => {
		room.messages.push({ ...message, id: String(nextMessageId++) });
	};

	const history = {
		SITE_NUMBER,
		/** HappyTalk's clock (clock.js). */
		now: () => clock.now(),
		addRoom(spec) {
			const room = {
				title: DEFAULT_TITLE,
				counselor: 'agent01',
				status: '2',
				endMs: null,
				out_api: '0',
				category_id: '80101',
				division_id: '80102',
				cate_name1: '상품문의',
				cate_name2: '일반상담',
				tags: [],
				vote_score: null,
				vote_comment: null,
				...spec,
				seq: ++seq,
				fields: { ...spec.fields },
				messages: [],
			};
			delete room.users_id;
			customer(spec.uuid, spec.users_id ?? null);
			rooms.set(room.id, room);
			for (const message of spec.messages ?? []) addMessage(room, message);
			return room;
		},
		/** A room /v1/chat/open created; `body` is the open request. */
		opened(bizRoom, body, startMessage) {
			const fields = {};
			for (const [wire, ours] of [['order_number'], ['product_number'], ['parcel_number'], ['app_ver'], ['phone_os'], ['phone_model'], ['phone_os_ver', 'phone_osver'], ['phone_telecomm'], ['app_hash'], ['parcel_company_code', 'parcel_companycode']]) {
				if (typeof body[wire] === 'string') fields[ours ?? wire] = body[wire];
			}
			for (let i = 1; i <= PARAMETER_COUNT; i++) {
				if (typeof body[`parameter${i}`] === 'string') fields[`parameter${i}`] = body[`parameter${i}`];
			}
			const room = history.addRoom({
				id: bizRoom.room_id,
				uuid: bizRoom.uuid,
				users_id: typeof body.site_uid === 'string' ? body.site_uid : null,
				regMs: bizRoom.openedAt,
				status: '1',
				title: typeof body.title === 'string' ? body.title : DEFAULT_TITLE,
				...(body.category_id !== undefined ? { category_id: String(body.category_id) } : {}),
				...(body.division_id !== undefined ? { division_id: String(body.division_id) } : {}),
				fields,
				bizRoom,
			});
			addMessage(room, { sentMs: bizRoom.openedAt, readMs: bizRoom.openedAt, from: 'bot', user_type: 'B', type: 'C', contents_type: 'text', contents: startMessage });
		},
		/** A message that really passed through the sandbox: a Biz API write, or the simulated customer. */
		recordMessage(roomId, uuid, { fromCustomer, contentsType, contents }) {
			let room = rooms.get(String(roomId));
			// A room met first in a write (lenient rooms) joins the history when it is first used.
			if (!room) room = history.addRoom({ id: String(roomId), uuid, regMs: clock.now(), status: '1' });
			const now = clock.now();
			addMessage(room, {
				sentMs: now,
				readMs: now,
				from: fromCustomer ? 'customer' : BIZ_API_SENDER,
				user_type: fromCustomer ? 'C' : 'H',
				type: 'C',
				contents_type: contentsType,
				contents,
			});
		},
		get(roomId) {
			const room = rooms.get(roomId);
			return room && withLiveState(room);
		},
		customer(uuid) {
			return customers.get(uuid);
		},
		customers() {
			return [...customers.values()].map((entry) => ({ ...entry }));
		},
		list() {
			return [...rooms.values()].map(withLiveState);
		},
		clear() {
			rooms.clear();
			customers.clear();
			seq = 0;
			nextMessageId = FIRST_MESSAGE_ID;
		},
	};
	return history;
}

// A room opened through the Biz API is in progress until /v1/chat/end (or the customer) ends it.
function withLiveState(room) {
	if (!room.bizRoom || room.bizRoom.state !== 'ended') return room;
	if (room.status === '1') {
		room.status = '2';
		room.endMs = room.bizRoom.endedAt;
	}
	return room;
}

// `<site>_<uuid>` as in every example; the uuid alone under the reading without a site number.
function customerUuidOf(room, sitePrefix) {
	return sitePrefix ? `${SITE_NUMBER}_${room.uuid}` : room.uuid;
}

/** The `chat` object of the spec, field for field (and `last_message` for the room list). */
function chatView(room, history, { forList = false, sitePrefix = true } = {}) {
	const owner = history.customer(room.uuid) ?? { users_id: null };
	const fields = room.fields;
	const text = (key) => (typeof fields[key] === 'string' ? fields[key] : '');
	const chat = {
		id: room.id,
		title: room.title,
		counselor_name: room.counselor,
		counselor_nickname: room.counselor,
		customer_uuid: customerUuidOf(room, sitePrefix),
		users_id: owner.users_id,
		category_id: room.category_id,
		division_id: room.division_id,
		...(forList ? {} : { tags: room.tags }),
		cate_name1: room.cate_name1,
		cate_name2: room.cate_name2,
		etc_assign: '',
		reg_date: kstDateTime(room.regMs),
		complate_date: kstDateTime(room.endMs),
		out_api: room.out_api,
		status: room.status,
		order_number: text('order_number'),
		product_number: text('product_number'),
		parcel_number: text('parcel_number'),
		parcel_companycode: text('parcel_companycode'),
		app_ver: text('app_ver'),
		phone_os: room.phone_os ?? text('phone_os'),
		phone_model: text('phone_model'),
		phone_osver: text('phone_osver'),
		phone_telecomm: text('phone_telecomm'),
		app_hash: text('app_hash'),
	};
	for (let i = 1; i <= PARAMETER_COUNT; i++) chat[`parameter${i}`] = text(`parameter${i}`);
	if (forList) {
		const last = room.messages[room.messages.length - 1];
		chat.last_message = last ? last.contents : '';
	} else {
		chat.user_parameter = text('user_parameter');
		chat.vote_score = room.vote_score;
		chat.vote_comment = room.vote_comment;
	}
	return chat;
}

/**
 * The room's messages as the spec writes them. Newest first: the spec does not give the order,
 * and the sandbox picks the one a client must not rely on (the node sorts them itself).
 */
function messagesView(room, { sitePrefix = true } = {}) {
	const customerUuid = customerUuidOf(room, sitePrefix);
	return room.messages
		.map((message) => {
			const sender = message.from === 'customer' ? customerUuid : message.from;
			return {
				id: message.id,
				from_id: sender,
				to_id: message.from === 'customer' ? room.counselor : customerUuid,
				type: message.type,
				user_type: message.user_type,
				contents_type: message.contents_type,
				contents: message.contents,
				send_date: kstDateTime(message.sentMs),
				read_date: kstDateTime(message.readMs),
			};
		})
		.reverse();
}

module.exports = { createHistory, chatView, messagesView, SITE_NUMBER, PARAMETER_COUNT, BIZ_API_SENDER };
