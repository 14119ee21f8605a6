/**
 * The README's tables are read from the same sources as the node: the request schema's limits and
 * the fail-code table. These tests keep the English and Korean READMEs from drifting.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FAIL_CODES } from '../../nodes/HappyTalk/errors/bizApi/failCodes';
import { companyCustomerIdField } from '../../nodes/HappyTalk/actions/counselor/checkPrevious/schema';
import { openRoomTextFields } from '../../nodes/HappyTalk/actions/room/open/schema';
import {
	CONCURRENCY,
	REQUESTS_PER_SECOND,
	RETRIES,
	RETRY_WAITS,
	TIMEOUT_MS,
} from '../../nodes/HappyTalk/shared/options.schema';
import { sendMessageFields } from '../../nodes/HappyTalk/actions/message/send/schema';
import { describeLength, describeRule } from '../../nodes/HappyTalk/shared/text';
import { CUSTOMER_FAIL_CODES } from '../../nodes/HappyTalk/errors/customerApi/failCodes';
import { updateTextFields, phoneField, updateCustomParameterField, UPDATE_CUSTOM_PARAMETER_COUNT } from '../../nodes/HappyTalk/actions/customer/update/schema';
import { ROOM_LIMIT } from '../../nodes/HappyTalk/actions/history/getManyRooms/schema';
import { HISTORY_WINDOW_DAYS, ROOM_LIST_PAGE_SIZE, STATUS_FILTERS } from '../../nodes/HappyTalk/shared/history/filters.schema';
import { RECHECK_WINDOW_MS as LOOKBACK_MS, START_HOURS, TEST_EVENT_DAYS } from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';

const readme = (name: string) => readFileSync(path.join(__dirname, '../..', name), 'utf8');
const english = readme('README.md');
const korean = readme('README.ko.md');

describe('README.md', () => {
	test.each(Object.values(sendMessageFields))('field $parameter: label and limit', (field) => {
		expect(english).toContain(`| ${field.label} | \`${field.parameter}\` | ${describeRule(field)} |`);
	});

	test('timeout bounds and default', () => {
		expect(english).toContain(`| \`options.timeout\` | ${TIMEOUT_MS.min} to ${TIMEOUT_MS.max} ms | default ${TIMEOUT_MS.default};`);
	});

	test.each(Object.entries(FAIL_CODES))('fail code %s', (code, failure) => {
		expect(english).toContain(`| ${code} | ${failure.name} | ${failure.meaning} | ${failure.action} |`);
	});

	test.each(Object.entries(openRoomTextFields))('Room → Open field %s', (wire, field) => {
		expect(english).toContain(`| ${field.label} | \`${field.parameter}\` | at most ${field.max} characters | \`${wire}\` |`);
	});

	test.each([
		['Concurrency', 'concurrency', CONCURRENCY],
		['Requests per Second', 'requestsPerSecond', REQUESTS_PER_SECOND],
		['Retries', 'retries', RETRIES],
	])('bulk option %s: range and default', (label, parameter, bounds) => {
		expect(english).toContain(`| ${label} | \`options.${parameter}\` | ${bounds.min} to ${bounds.max} | ${bounds.default} |`);
	});

	test('retry waits', () => {
		expect(english).toContain(`waiting for \`Retry-After\`, up to ${RETRY_WAITS.longestRetryAfterMs / 1000} s`);
		expect(english).toContain(`grow from ${RETRY_WAITS.firstMs / 1000} s, doubling up to ${RETRY_WAITS.longestMs / 1000} s`);
	});

	test('Counselor → Check Previous: the company customer id', () => {
		expect(english).toContain(`(\`${companyCustomerIdField.parameter}\`, ${describeLength(companyCustomerIdField)}:`);
	});
});

describe('README.md: customer API', () => {
	test.each(Object.entries(updateTextFields))('Customer → Update field %s', (wire, field) => {
		expect(english).toContain(`| ${field.label} | \`updateFields.${field.parameter}\` | ${describeLength(field)} | \`${wire}\` |`);
	});

	test('Customer → Update: phone and custom parameters', () => {
		expect(english).toContain(`| ${phoneField.label} | \`updateFields.${phoneField.parameter}\` | ${describeLength(phoneField)}, digits only`);
		expect(english).toContain(`at most ${UPDATE_CUSTOM_PARAMETER_COUNT} values, ${describeLength(updateCustomParameterField)} each`);
	});

	test.each(CUSTOMER_FAIL_CODES.map((failure) => [`${failure.code} ${failure.message}`, failure]))('fail code %s', (_, failure) => {
		expect(english).toContain(`| ${failure.code} | ${failure.message} | ${failure.meaning} | ${failure.action} |`);
	});

	test('paging, windows, limit, status filter', () => {
		expect(english).toContain(`in pages of ${ROOM_LIST_PAGE_SIZE}`);
		expect(english).toContain(`windows of at most ${HISTORY_WINDOW_DAYS} days`);
		expect(english).toContain(`(\`limit\`, ${ROOM_LIMIT.min} to ${ROOM_LIMIT.max}, default ${ROOM_LIMIT.default})`);
		expect(english).toContain(STATUS_FILTERS.map((status) => `${status.name} (${status.value}${status.value === 99 ? ', default' : ''})`).join(', '));
	});

	test('the trigger: look-back, start hours, test event', () => {
		expect(english).toContain(`within the last ${LOOKBACK_MS / 60000} minutes, and looks back ${LOOKBACK_MS / 60000} minutes`);
		expect(english).toContain(`(${START_HOURS.min} to ${START_HOURS.max})`);
		expect(english).toContain(`completed room of the last ${TEST_EVENT_DAYS} days`);
	});
});

describe('README.ko.md: customer API', () => {
	test.each(Object.entries(updateTextFields))('Customer → Update field %s', (wire, field) => {
		expect(korean).toContain(`| \`updateFields.${field.parameter}\` | ${field.min}~${field.max}자 | \`${wire}\` |`);
	});

	test.each(CUSTOMER_FAIL_CODES.map((failure) => [`${failure.code} ${failure.message}`, failure]))('fail code %s', (_, failure) => {
		expect(korean).toContain(`| ${failure.code} | ${failure.message} |`);
	});

	test('paging, windows, limit, trigger', () => {
		expect(korean).toContain(`${ROOM_LIST_PAGE_SIZE}건씩`);
		expect(korean).toContain(`${HISTORY_WINDOW_DAYS}일 이하의 구간`);
		expect(korean).toContain(`(\`limit\`, ${ROOM_LIMIT.min}~${ROOM_LIMIT.max}, 기본값 ${ROOM_LIMIT.default})`);
		expect(korean).toContain(`최근 ${LOOKBACK_MS / 60000}분 안에`);
		expect(korean).toContain(`(${START_HOURS.min}~${START_HOURS.max})`);
	});
});

describe('README.ko.md', () => {
	test.each(Object.values(sendMessageFields))('field $parameter: limit', (field) => {
		expect(korean).toMatch(new RegExp(`\\| \`${field.parameter}\` \\| ${field.min}~${field.max}자 \\|`));
	});

	test('timeout bounds', () => {
		expect(korean).toContain(`${TIMEOUT_MS.min}~${TIMEOUT_MS.max} ms`);
	});

	test.each(Object.entries(FAIL_CODES))('fail code %s', (code, failure) => {
		expect(korean).toContain(`| ${code} | ${failure.name} |`);
	});

	test.each(Object.entries(openRoomTextFields))('Room → Open field %s', (wire, field) => {
		expect(korean).toMatch(new RegExp(`\\| \`${field.parameter}\` \\| 최대 ${field.max}자 \\| \`${wire}\` \\|`));
	});
});
