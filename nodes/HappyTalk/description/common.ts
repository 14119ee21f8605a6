import type { INodeProperties } from 'n8n-workflow';

import { customerUuidField, roomIdField } from '../schemas/common';
import { TIMEOUT_MS } from '../schemas/options.schema';
import { describeLength } from '../schemas/text';

export type DisplayOptions = INodeProperties['displayOptions'];

export const showFor = (
	resource: string,
	operation: string,
	extra: Record<string, string[]> = {},
): DisplayOptions => ({
	show: { resource: [resource], operation: [operation], ...extra },
});

export const customerUuidProperty = (displayOptions: DisplayOptions): INodeProperties => ({
	displayName: customerUuidField.label,
	name: customerUuidField.parameter,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'customer_1234',
	description: "The customer's identifier in your own system (HappyTalk's uuid)",
	hint: describeLength(customerUuidField),
	displayOptions,
});

export const roomIdProperty = (displayOptions: DisplayOptions): INodeProperties => ({
	displayName: roomIdField.label,
	name: roomIdField.parameter,
	type: 'string',
	required: true,
	default: '',
	placeholder: '1234567',
	description: 'The counselling room, as returned when the room was opened',
	hint: describeLength(roomIdField),
	displayOptions,
});

// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is TIMEOUT_MS.default, owned by the options schema
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: TIMEOUT_MS.min, maxValue: TIMEOUT_MS.max },
	default: TIMEOUT_MS.default,
	description:
		'How long to wait for HappyTalk to answer, in milliseconds. When it does not answer in time the request may or may not have taken effect, so it is reported as an error and not sent again.',
};

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
	options: [...extra, timeoutOption],
});
