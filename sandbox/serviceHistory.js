'use strict';

const { kstDateTime } = require('./kstTime');

// The service usage history (customer-api.md, "Service usage history"), written from the spec.
const PATHS = {
	// (current site, mbi) on the customer hosts.
	mbi: '/user/api/service_history/format/json',
	// (current site, dc) on the bnd hosts: hyphenated, no /format/json.
	dc: '/user/api/service-history',
};
// The spec's open points, each a switch (see README, "Service usage history"):
// span: 'under24h' (dc: end - start under 24 hours) or 'calendarDay' (mbi: "one day", same date).
// defaultFormat: what an omitted `format` means: 'siem' (dc) or 'raw' (the 2022 and mbi pages show objects).
const SPANS = ['under24h', 'calendarDay'];
const FORMATS = ['raw', 'siem'];
const DAY_MS = 86400000;
const LOGIN = '로그인';

const KIND_NAMES = { A: 'ARCHIVE', K: 'KEY_ISSUANCE', S: 'MANAGER_ACTION' };
const TYPE_NAMES = { A: 'AUTO', M: 'MANUAL' };

function checkServiceHistorySettings(settings) {
	const span = settings.span ?? 'under24h';
	const defaultFormat = settings.defaultFormat ?? 'siem';
	if (!SPANS.includes(span)) throw new TypeError(`serviceHistorySpan must be one of ${SPANS.join(', ')}`);
	if (!FORMATS.includes(defaultFormat)) throw new TypeError(`serviceHistoryDefaultFormat must be one of ${FORMATS.join(', ')}`);
	return { span, defaultFormat };
}

/** 'Y-m-d H:i:s' (24-hour, Korea time) → epoch ms; null when it is not exactly that. */
function parseKst(text) {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
	const ms = Date.parse(`${text.replace(' ', 'T')}+09:00`);
	return Number.isNaN(ms) || kstDateTime(ms) !== text ? null : ms;
}

/**
 * The account's log: entries { id, type, kind, request_user, request_content, request_date,
 * apply_id, apply_content, apply_date } with dates in Korea time, ids increasing with time.
 */
function createServiceLog() {
	let entries = [];
	let nextId = 150000;
	return {
		add(spec) {
			const atMs = parseKst(spec.request_date);
			if (atMs === null) throw new TypeError("request_date must be 'Y-m-d H:i:s' (Korea time, 24-hour)");
			const entry = {
				id: String(spec.id ?? nextId++),
				type: spec.type ?? 'A',
				kind: spec.kind ?? 'S',
				request_user: spec.request_user ?? 'agent01',
				request_content: spec.request_content ?? '',
				request_date: spec.request_date,
				apply_id: String(spec.apply_id ?? '40022'),
				apply_content: spec.apply_content ?? '성공',
				apply_date: spec.apply_date ?? spec.request_date,
			};
			entries.push({ entry, atMs });
			return entry;
		},
		clear() {
			entries = [];
			nextId = 150000;
		},
		list() {
			return entries.map(({ entry }) => ({ ...entry }));
		},
		between(fromMs, toMs) {
			return entries.filter(({ atMs }) => atMs >= fromMs && atMs <= toMs).sort((a, b) => b.atMs - a.atMs || Number(b.entry.id) - Number(a.entry.id)).map(({ entry }) => entry);
		},
	};
}

// Deterministic entries over the `days` before `now`: log-ins, category changes, archive runs,
// key issuance, roughly one every 47 minutes.
function seedServiceLog(log, { days, now }) {
	const start = now - days * DAY_MS;
	let step = 0;
	for (let at = start; at < now; at += 47 * 60000, step++) {
		const date = kstDateTime(at);
		const agent = `agent0${(step % 3) + 1}`;
		const number = 40021 + (step % 3);
		if (step % 5 === 0) {
			log.add({ type: 'A', kind: 'S', request_user: agent, request_content: `[WEB] ${agent}(${number})상담원 로그인. IP - (10.0.0.${step % 250})`, request_date: date, apply_id: number, apply_content: LOGIN });
		} else if (step % 11 === 0) {
			log.add({ type: 'A', kind: 'A', request_user: 'system', request_content: '상담 내역 아카이브 실행', request_date: date, apply_id: number, apply_content: '성공' });
		} else if (step % 17 === 0) {
			log.add({ type: 'M', kind: 'K', request_user: 'manager01', request_content: 'API 키 발급', request_date: date, apply_id: number, apply_content: '성공' });
		} else {
			log.add({ type: 'A', kind: 'S', request_user: agent, request_content: `상담분류 변경 [${100000 + step}번방] - 상품문의>일반상담 → 상품문의>불만접수`, request_date: date, apply_id: number, apply_content: '성공' });
		}
	}
}

// The SIEM form is not documented beyond "event names in English, a msg at the end": ours.
function siemLine(entry) {
	return `${entry.request_date} happytalk service_history id=${entry.id} type=${TYPE_NAMES[entry.type] ?? entry.type} event=${KIND_NAMES[entry.kind] ?? entry.kind} user=${entry.request_user} apply_id=${entry.apply_id} applied=${entry.apply_date} msg="${entry.request_content.replace(/"/g, "'")}"`;
}

/**
 * POST body { token (checked before), start_date, end_date, format? } → { result, data } or a fail
 * name. Over the span, an end before the start or a date that is not 'Y-m-d H:i:s': -504 overDate.
 */
function serviceHistory(body, log, settings) {
	const from = parseKst(body.start_date);
	const to = parseKst(body.end_date);
	if (from === null || to === null) return { fail: 'overDate', reason: "start_date and end_date must be 'Y-m-d H:i:s' (24-hour)" };
	if (to < from) return { fail: 'overDate', reason: 'end_date is before start_date' };
	if (settings.span === 'under24h' && to - from >= DAY_MS) return { fail: 'overDate', reason: 'the range is not under 24 hours' };
	if (settings.span === 'calendarDay' && body.start_date.slice(0, 10) !== body.end_date.slice(0, 10)) {
		return { fail: 'overDate', reason: 'the range is not within one day' };
	}
	const format = FORMATS.includes(body.format) ? body.format : settings.defaultFormat;
	const entries = log.between(from, to);
	const data = format === 'raw' ? entries : entries.filter((entry) => entry.apply_content !== LOGIN).map(siemLine);
	return { data };
}

module.exports = { PATHS, SPANS, FORMATS, checkServiceHistorySettings, createServiceLog, seedServiceLog, serviceHistory, parseKst };
