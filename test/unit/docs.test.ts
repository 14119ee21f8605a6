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
