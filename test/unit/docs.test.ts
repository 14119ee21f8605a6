/**
 * The documentation's tables are read from the same sources as the node: the registry of
 * operations, the request schemas' limits, the fail-code tables, the nodes' versions and the n8n
 * versions the tests run. These tests keep the English and Korean pages (README.md and
 * docs/<page>.md, README.ko.md and docs/<page>.ko.md) from drifting.
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
import {
	MESSAGE_CONCURRENCY,
	MESSAGE_TRIES,
	OPEN_DAYS,
	RECHECK_WINDOW_MS,
	START_HOURS,
	TEST_EVENT_DAYS,
} from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';
import { resources } from '../../nodes/HappyTalk/actions/registry';
import { HappyTalk } from '../../nodes/HappyTalk/HappyTalk.node';
import { HappyTalkTrigger } from '../../nodes/HappyTalkTrigger/HappyTalkTrigger.node';
import { HappyTalkHistoryTrigger } from '../../nodes/HappyTalkHistoryTrigger/HappyTalkHistoryTrigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8N_MATRIX } = require('../../scripts/n8n') as { N8N_MATRIX: string[] };

const page = (name: string) => readFileSync(path.join(__dirname, '../..', name), 'utf8');
/** Where each topic lives, in English and in Korean. */
const en = {
	readme: page('README.md'),
	operations: page('docs/operations.md'),
	errors: page('docs/errors.md'),
	triggers: page('docs/triggers.md'),
	compatibility: page('docs/compatibility.md'),
};
const ko = {
	readme: page('README.ko.md'),
	operations: page('docs/operations.ko.md'),
	errors: page('docs/errors.ko.md'),
	triggers: page('docs/triggers.ko.md'),
	compatibility: page('docs/compatibility.ko.md'),
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const operations = resources.flatMap((resource) =>
	Object.values(resource.operations).map((operation) => ({ resource, operation: operation.option })),
);

describe.each([
	['README.md', en.readme, ''],
	['README.ko.md', ko.readme, '(\\([^)|]+\\))?'],
])('%s: the operations at a glance', (_name, text, translation) => {
	// Attachment → Download calls no HappyTalk API: its row names a GET of the attachment's URL.
	const rows = text.split('\n').filter((line) => /^\| [^|]+ \| [^|]+ \| `(POST \/|GET`)/.test(line));

	test.each(operations.map(({ resource, operation }) => [`${resource.name} → ${operation.name}`, resource, operation] as const))(
		'%s has its row',
		(_label, resource, operation) => {
			const row = new RegExp(`^\\| ${escape(resource.name)}${translation} \\| ${escape(operation.name)}${translation} \\|`);
			expect(rows.filter((line) => row.test(line))).toHaveLength(1);
		},
	);

	test('no row names an operation the node lacks', () => {
		expect(rows).toHaveLength(operations.length);
	});

	test.each(resources.map((resource) => [resource.value, resource] as const))('internal values of %s', (_value, resource) => {
		const values = Object.keys(resource.operations).map((value) => `\`${value}\``).join(', ');
		expect(text.replace(/\s+/g, ' ')).toContain(`\`${resource.value}\` → ${values}`);
	});
});

describe('docs/operations.md and docs/errors.md', () => {
	test.each(Object.values(sendMessageFields))('field $parameter: label and limit', (field) => {
		expect(en.operations).toContain(`| ${field.label} | \`${field.parameter}\` | ${describeRule(field)} |`);
	});

	test('timeout bounds and default', () => {
		expect(en.operations).toContain(`| \`options.timeout\` | ${TIMEOUT_MS.min} to ${TIMEOUT_MS.max} ms | default ${TIMEOUT_MS.default};`);
	});

	test.each(Object.entries(FAIL_CODES))('fail code %s', (code, failure) => {
		expect(en.errors).toContain(`| ${code} | ${failure.name} | ${failure.meaning} | ${failure.action} |`);
	});

	test.each(Object.entries(openRoomTextFields))('Room → Open field %s', (wire, field) => {
		expect(en.operations).toContain(`| ${field.label} | \`${field.parameter}\` | at most ${field.max} characters | \`${wire}\` |`);
	});

	test.each([
		['Concurrency', 'concurrency', CONCURRENCY],
		['Requests per Second', 'requestsPerSecond', REQUESTS_PER_SECOND],
		['Retries', 'retries', RETRIES],
	])('bulk option %s: range and default', (label, parameter, bounds) => {
		expect(en.operations).toContain(`| ${label} | \`options.${parameter}\` | ${bounds.min} to ${bounds.max} | ${bounds.default} |`);
	});

	test('retry waits', () => {
		expect(en.operations).toContain(`waiting for \`Retry-After\`, up to ${RETRY_WAITS.longestRetryAfterMs / 1000} s`);
		expect(en.operations).toContain(`grow from ${RETRY_WAITS.firstMs / 1000} s, doubling up to ${RETRY_WAITS.longestMs / 1000} s`);
	});

	test('Counselor → Check Previous: the company customer id', () => {
		expect(en.operations).toContain(`(\`${companyCustomerIdField.parameter}\`, ${describeLength(companyCustomerIdField)}:`);
	});
});

describe('docs/operations.md, docs/errors.md, docs/triggers.md: customer API', () => {
	test.each(Object.entries(updateTextFields))('Customer → Update field %s', (wire, field) => {
		expect(en.operations).toContain(`| ${field.label} | \`updateFields.${field.parameter}\` | ${describeLength(field)} | \`${wire}\` |`);
	});

	test('Customer → Update: phone and custom parameters', () => {
		expect(en.operations).toContain(`| ${phoneField.label} | \`updateFields.${phoneField.parameter}\` | ${describeLength(phoneField)}, digits only`);
		expect(en.operations).toContain(`at most ${UPDATE_CUSTOM_PARAMETER_COUNT} values, ${describeLength(updateCustomParameterField)} each`);
	});

	test.each(CUSTOMER_FAIL_CODES.map((failure) => [`${failure.code} ${failure.message}`, failure]))('fail code %s', (_, failure) => {
		expect(en.errors).toContain(`| ${failure.code} | ${failure.message} | ${failure.meaning} | ${failure.action} |`);
	});

	test('paging, windows, limit, status filter', () => {
		expect(en.operations).toContain(`in pages of ${ROOM_LIST_PAGE_SIZE}`);
		expect(en.operations).toContain(`windows of at most ${HISTORY_WINDOW_DAYS} days`);
		expect(en.operations).toContain(`(\`limit\`, ${ROOM_LIMIT.min} to ${ROOM_LIMIT.max}, default ${ROOM_LIMIT.default})`);
		expect(en.operations).toContain(STATUS_FILTERS.map((status) => `${status.name} (${status.value}${status.value === 99 ? ', default' : ''})`).join(', '));
	});

	test('the trigger: window, open days, tries, concurrency, start hours, test event', () => {
		expect(en.triggers).toContain(`the last ${RECHECK_WINDOW_MS / 60000} minutes below the latest completion`);
		expect(en.triggers).toContain(`opened up to ${OPEN_DAYS} days before`);
		expect(en.triggers).toContain(`${MESSAGE_TRIES} polls in all`);
		expect(en.triggers).toContain(`(${MESSAGE_CONCURRENCY.min} to ${MESSAGE_CONCURRENCY.max}, default ${MESSAGE_CONCURRENCY.default})`);
		expect(en.triggers).toContain(`(${START_HOURS.min} to ${START_HOURS.max})`);
		expect(en.triggers).toContain(`completed room of the last ${TEST_EVENT_DAYS} days`);
	});
});

describe('docs/operations.ko.md, docs/errors.ko.md, docs/triggers.ko.md: customer API', () => {
	test.each(Object.entries(updateTextFields))('Customer → Update field %s', (wire, field) => {
		expect(ko.operations).toContain(`| \`updateFields.${field.parameter}\` | ${field.min}~${field.max}자 | \`${wire}\` |`);
	});

	test.each(CUSTOMER_FAIL_CODES.map((failure) => [`${failure.code} ${failure.message}`, failure]))('fail code %s', (_, failure) => {
		expect(ko.errors).toContain(`| ${failure.code} | ${failure.message} |`);
	});

	test('paging, windows, limit, trigger', () => {
		expect(ko.operations).toContain(`${ROOM_LIST_PAGE_SIZE}건씩`);
		expect(ko.operations).toContain(`${HISTORY_WINDOW_DAYS}일 이하의 구간`);
		expect(ko.operations).toContain(`(\`limit\`, ${ROOM_LIMIT.min}~${ROOM_LIMIT.max}, 기본값 ${ROOM_LIMIT.default})`);
		expect(ko.triggers).toContain(`가장 늦은 완료 시각에서 ${RECHECK_WINDOW_MS / 60000}분`);
		expect(ko.triggers).toContain(`${OPEN_DAYS}일 전까지`);
		expect(ko.triggers).toContain(`모두 ${MESSAGE_TRIES}번`);
		expect(ko.triggers).toContain(`(${MESSAGE_CONCURRENCY.min}~${MESSAGE_CONCURRENCY.max}, 기본값 ${MESSAGE_CONCURRENCY.default})`);
		expect(ko.triggers).toContain(`(${START_HOURS.min}~${START_HOURS.max})`);
	});
});

describe('docs/operations.ko.md and docs/errors.ko.md', () => {
	test.each(Object.values(sendMessageFields))('field $parameter: limit', (field) => {
		expect(ko.operations).toMatch(new RegExp(`\\| \`${field.parameter}\` \\| ${field.min}~${field.max}자 \\|`));
	});

	test('timeout bounds', () => {
		expect(ko.operations).toContain(`${TIMEOUT_MS.min}~${TIMEOUT_MS.max} ms`);
	});

	test.each(Object.entries(FAIL_CODES))('fail code %s', (code, failure) => {
		expect(ko.errors).toContain(`| ${code} | ${failure.name} |`);
	});

	test.each(Object.entries(openRoomTextFields))('Room → Open field %s', (wire, field) => {
		expect(ko.operations).toMatch(new RegExp(`\\| \`${field.parameter}\` \\| 최대 ${field.max}자 \\| \`${wire}\` \\|`));
	});
});

describe.each([
	['README.md', en.readme],
	['README.ko.md', ko.readme],
])('%s: the compatibility table', (_name, text) => {
	// HAPPYTALK_N8N_NEWEST picks another newest n8n for a run; the table names the default.
	(process.env.HAPPYTALK_N8N_NEWEST ? test.skip : test)('has one row per n8n version the tests run, oldest first', () => {
		const versions = text
			.split('\n')
			.map((line) => /^\| (\d+\.\d+\.\d+) \(/.exec(line)?.[1])
			.filter(Boolean);
		expect(versions).toEqual(N8N_MATRIX);
	});
});

const nodeDescriptions = [new HappyTalk(), new HappyTalkTrigger(), new HappyTalkHistoryTrigger()].map((node) => node.description);

describe.each([
	['docs/compatibility.md', en.compatibility],
	['docs/compatibility.ko.md', ko.compatibility],
])('%s: the node versions', (_name, text) => {
	test.each(nodeDescriptions.map((description) => [description.displayName, description] as const))(
		'%s has its row, with every version',
		(_label, description) => {
			const rows = text.split('\n').filter((line) => line.startsWith(`| ${description.displayName} | `));
			expect(rows).toHaveLength(1);
			expect(rows[0].split('|')[2].match(/\d+/g)?.map(Number)).toEqual([description.version].flat());
		},
	);

	test('no row names a node the package lacks', () => {
		const rows = text.split('\n').filter((line) => /^\| HappyTalk/.test(line));
		expect(rows).toHaveLength(nodeDescriptions.length);
	});
});
