'use strict';

// HappyTalk's fail codes and their `message` strings, as printed in original/api_fail_code.md.
const FAIL_MESSAGES = new Map([
	[-400, 'Forbidden'],
	[-500, 'Authorization'],
	[-504, 'Contract'],
	[-600, 'System'],
	[-700, 'EndRoom'],
	[-701, 'Room'],
	[-702, 'NotRoom'],
	[-703, 'UUID'],
	[-704, 'IngRoom'],
	[-800, 'Validation'],
	[-801, 'Required'],
	[-802, 'Length'],
	[-900, 'Consulting'],
	[-901, 'Consulting'],
	[-902, 'Consulting'],
	[-903, 'Consulting'],
	[-904, 'Consulting'],
	[-1001, 'Vote'],
]);

// The spec only describes the automatic notices shown to the customer; this wording is ours.
const CONSULTING_NOTICES = new Map([
	[-900, '현재 상담을 진행하지 않습니다. 이용에 불편을 드려 죄송합니다.'],
	[-901, '지금은 상담 가능 시간이 아닙니다. 상담 가능 시간에 다시 문의해 주세요.'],
	[-902, '지금은 상담 가능 시간이 아닙니다. 문의를 접수했으며 상담 가능 시간에 답변드리겠습니다.'],
	[-903, '지금은 상담 가능한 상담사가 없습니다. 잠시 후 다시 문의해 주세요.'],
	[-904, '상담 가능 건수를 초과했습니다. 잠시 후 다시 문의해 주세요.'],
]);

const FIELD_CODES = new Set([-800, -801, -802]);

/**
 * Builds a fail body the way HappyTalk shapes it.
 * -800..-802 carry `field` (-800 also names it inside `message`, as the spec's example does);
 * -900..-904 carry room_id 0, uuid, type and content.
 */
function failBody(code, details = {}) {
	const body = { code };
	if (FIELD_CODES.has(code)) {
		const field = details.field === undefined ? null : details.field;
		body.message = details.message ?? defaultFieldMessage(code, field);
		body.field = field;
		return body;
	}
	body.message = details.message ?? FAIL_MESSAGES.get(code) ?? 'Error';
	if (details.field !== undefined) body.field = details.field;
	if (CONSULTING_NOTICES.has(code)) {
		body.room_id = 0;
		body.uuid = typeof details.uuid === 'string' ? details.uuid : '';
		body.type = 'text';
		body.content = details.content ?? CONSULTING_NOTICES.get(code);
	}
	return body;
}

function defaultFieldMessage(code, field) {
	if (code === -800) return field === null ? 'Validation' : `Validation(Validation-${field})`;
	return FAIL_MESSAGES.get(code);
}

module.exports = { FAIL_MESSAGES, CONSULTING_NOTICES, failBody };
