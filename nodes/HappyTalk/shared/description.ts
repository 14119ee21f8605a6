import type { INodeProperties } from 'n8n-workflow';

import { customerUuidField, roomIdField } from './fields';
import {
	CONCURRENCY,
	REQUESTS_PER_SECOND,
	RETRIES,
	ROOM_FAILURE_POLICIES,
	TIMEOUT_MS,
} from './options.schema';
import type { OperationDescription, OperationOption } from './operation';
import { describeLength, describeRule } from './text';

export type DisplayOptions = INodeProperties['displayOptions'];

export const showFor = (
	resource: string,
	operation: string,
	extra: Record<string, string[]> = {},
): DisplayOptions => ({
	show: { resource: [resource], operation: [operation], ...extra },
});

/** The Operation dropdown of one resource; option values are a contract with saved workflows. */
export const operationProperty = (
	resource: string,
	options: OperationOption[],
	defaultValue = options[0].value,
): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options,
	default: defaultValue,
});

export const customerUuidProperty = (displayOptions: DisplayOptions): INodeProperties => ({
	displayName: customerUuidField.label,
	name: customerUuidField.parameter,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'customer_1234',
	description: "The customer's identifier in your own system (HappyTalk's uuid)",
	hint: describeRule(customerUuidField),
	displayOptions,
});

export const roomIdProperty = (displayOptions: DisplayOptions): INodeProperties => ({
	displayName: roomIdField.label,
	name: roomIdField.parameter,
	type: 'string',
	required: true,
	default: '',
	placeholder: '1234567',
	description: 'The counseling room, as returned when the room was opened',
	hint: describeLength(roomIdField),
	displayOptions,
});

// n8n's scanner wants literal defaults; test/unit/descriptionDefaults.test.ts holds each one to
// the options schema, which stays the one source of truth.
const sendingOptions: INodeProperties[] = [
	{
		displayName: 'After a Failed Message',
		name: 'onRoomFailure',
		type: 'options',
		options: ROOM_FAILURE_POLICIES.map(({ name, value, description }) => ({ name, value, description })),
		default: 'continue',
		description:
			'When a message to a room finally fails, whether later messages to the same room are still sent (with "On Error: Continue")',
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: CONCURRENCY.min, maxValue: CONCURRENCY.max },
		default: 10,
		description:
			'How many rooms are served at once. Messages to the same room always go one after another, in input order.',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: REQUESTS_PER_SECOND.min, maxValue: REQUESTS_PER_SECOND.max },
		default: 0,
		description:
			"A ceiling on requests per second across all rooms; 0 means none. After HappyTalk answers 429 (too many requests), the node also keeps to the rate HappyTalk had accepted.",
	},
	{
		displayName: 'Retries',
		name: 'retries',
		type: 'number',
		typeOptions: { minValue: RETRIES.min, maxValue: RETRIES.max },
		default: 3,
		description:
			'How often to retry a request that certainly did not arrive (HTTP 429, connection refused, DNS failure), with growing, randomised waits',
	},
	{
		displayName: 'Retry Even When It May Have Been Delivered',
		name: 'retryMaybeDelivered',
		type: 'boolean',
		default: false,
		description:
			'Whether to also retry time-outs, broken connections and -600 errors. The customer may then get the same message twice.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: TIMEOUT_MS.min, maxValue: TIMEOUT_MS.max },
		default: 10000,
		description:
			'How long to wait for HappyTalk to answer, in milliseconds. When it does not answer in time the request may or may not have taken effect, so it is reported as an error and not sent again.',
	},
];

export const optionsProperty = (
	displayOptions: DisplayOptions,
	extra: INodeProperties[] = [],
): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	displayOptions,
	options: [...extra, ...sendingOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

/**
 * The node's Resource dropdown, then each resource's Operation dropdown and its operations'
 * fields, all from the registry.
 */
export function resourceProperties(
	resources: Array<{
		name: string;
		value: string;
		defaultOperation?: string;
		operations: Record<string, OperationDescription>;
	}>,
	defaultResource: string,
): INodeProperties[] {
	const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: byName(resources).map(({ name, value }) => ({ name, value })),
			default: defaultResource,
		},
		...resources.flatMap((resource) => {
			const operations = Object.values(resource.operations);
			return [
				operationProperty(
					resource.value,
					byName(operations.map((operation) => operation.option)),
					resource.defaultOperation ?? operations[0].option.value,
				),
				...operations.flatMap((operation) => operation.properties),
			];
		}),
	];
}
