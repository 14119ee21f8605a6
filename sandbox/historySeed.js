'use strict';

const { kstDateTime } = require('./kstTime');

// Deterministic pseudo-random numbers, so every sandbox start seeds the same history.
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ID_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Weighted room states: mostly completed, every documented state present (and the chatbot stages).
const STATES = [
	['2', 55], ['1', 8], ['0', 6], ['3', 6], ['4', 10], ['-1', 3], ['-2', 2],
];
const ENDED_STATES = new Set(['2', '3', '4']);
const COUNSELORS = ['agent01', 'agent02', 'agent03'];
const CATEGORIES = [
	{ category_id: '80101', division_id: '80102', cate_name1: '상품문의', cate_name2: '일반상담' },
	{ category_id: '80101', division_id: '80103', cate_name1: '상품문의', cate_name2: '재고문의' },
	{ category_id: '80201', division_id: '80202', cate_name1: '배송문의', cate_name2: '배송지연' },
];
const CUSTOMER_LINES = ['주문한 상품이 언제 도착하나요?', '교환 신청하고 싶어요.', '영수증 재발행 가능한가요?', '감사합니다!'];
const COUNSELOR_LINES = ['안녕하세요, 해피톡 상담사입니다.', '확인 후 안내드리겠습니다.', '내일 도착 예정입니다.', '더 궁금한 점 있으신가요?'];

function pick(random, list) {
	return list[Math.floor(random() * list.length)];
}

function weighted(random, entries) {
	const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random() * total;
	for (const [value, weight] of entries) {
		roll -= weight;
		if (roll < 0) return value;
	}
	return entries[entries.length - 1][0];
}

function templateContents(text) {
	return JSON.stringify({
		type: 'TEXT',
		message: text,
		isLocked: false,
		buttonList: [
			{ type: 'WEB_LINK', name: '배송 조회', pcUrl: 'https://example.com/track', mobileUrl: 'https://m.example.com/track' },
			{ type: 'TEXT', name: '상담원 연결' },
		],
	});
}

/**
 * `count` rooms over the `days` days before `now`, each with a conversation: customers' and
 * counselors' texts, a bot greeting, memos, images and template messages. Returns room specs
 * for history.addRoom().
 */
function seedRooms({ count, days, now, seed = 20260526 }) {
	const random = mulberry32(seed);
	const rooms = [];
	for (let i = 0; i < count; i++) {
		const customerNumber = 1 + Math.floor(random() * 40);
		const uuid = `member${String(customerNumber).padStart(2, '0')}`;
		const regMs = now - 3600000 - Math.floor(random() * days * 86400000);
		const status = weighted(random, STATES);
		const endMs = ENDED_STATES.has(status) ? Math.min(now - 60000, regMs + 60000 + Math.floor(random() * 40 * 60000)) : null;
		const counselor = pick(random, COUNSELORS);
		const messages = [];
		const lastMs = endMs ?? Math.min(now - 30000, regMs + 20 * 60000);
		const steps = 2 + Math.floor(random() * 6);
		for (let step = 0; step < steps; step++) {
			const sentMs = regMs + Math.floor(((lastMs - regMs) * step) / steps);
			const kind = step === 0 ? 'bot' : step % 2 === 1 ? 'customer' : weighted(random, [['counselor', 6], ['template', 2], ['memo', 1], ['image', 1]]);
			messages.push(seedMessage(kind, { random, uuid, counselor, sentMs }));
		}
		rooms.push({
			id: Array.from({ length: 30 }, () => pick(random, ID_LETTERS)).join(''),
			uuid,
			users_id: customerNumber % 3 === 0 ? null : `user${String(customerNumber).padStart(2, '0')}`,
			regMs,
			endMs,
			status,
			out_api: weighted(random, [['0', 6], ['1', 2], ['2', 3]]),
			counselor,
			...pick(random, CATEGORIES),
			phone_os: pick(random, ['A', 'I', 'W']),
			tags: random() < 0.3 ? ['#재문의'] : [],
			vote_score: status === '2' && random() < 0.5 ? String(1 + Math.floor(random() * 5)) : null,
			messages,
		});
	}
	return rooms;
}

function seedMessage(kind, { random, uuid, counselor, sentMs }) {
	const base = { sentMs, readMs: sentMs + 2000 };
	if (kind === 'bot') return { ...base, from: 'bot', user_type: 'B', type: 'C', contents_type: 'text', contents: '안녕하세요! 무엇을 도와드릴까요?' };
	if (kind === 'customer') return { ...base, from: 'customer', user_type: 'C', type: 'C', contents_type: 'text', contents: pick(random, CUSTOMER_LINES) };
	if (kind === 'memo') return { ...base, from: counselor, user_type: 'H', type: 'M', contents_type: 'text', contents: `메모: ${uuid} 재문의 고객` };
	if (kind === 'image') return { ...base, from: counselor, user_type: 'H', type: 'C', contents_type: 'image', contents: 'https://example.com/images/guide.png' };
	if (kind === 'template') return { ...base, from: counselor, user_type: 'H', type: 'C', contents_type: 'template', contents: templateContents(pick(random, COUNSELOR_LINES)) };
	return { ...base, from: counselor, user_type: 'H', type: 'C', contents_type: 'text', contents: pick(random, COUNSELOR_LINES) };
}

module.exports = { seedRooms, templateContents, kstDateTime };
