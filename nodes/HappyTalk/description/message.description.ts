import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_TYPES, sendMessageFields as fields } from '../schemas/sendMessage.schema';
import { TIMEOUT_MS } from '../schemas/options.schema';
import { describeLength } from '../schemas/text';

const showFor = (operation: string, extra: Record<string, string[]> = {}) => ({
	show: { resource: ['message'], operation: [operation], ...extra },
});

export const messageOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a text, image, video or audio message into a counselling room',
				action: 'Send a message',
			},
		],
		default: 'send',
	},
];

const fileTypes = MESSAGE_TYPES.filter((type) => type.value !== 'text').map((type) => type.value);

export const messageSendFields: INodeProperties[] = [
	{
		displayName: fields.uuid.label,
		name: fields.uuid.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer_1234',
		description: "The customer's identifier in your own system (HappyTalk's uuid)",
		hint: describeLength(fields.uuid),
		displayOptions: showFor('send'),
	},
	{
		displayName: fields.room_id.label,
		name: fields.room_id.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: '1234567',
		description: 'The counselling room to send into, as returned when the room was opened',
		hint: describeLength(fields.room_id),
		displayOptions: showFor('send'),
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: MESSAGE_TYPES.map(({ name, value }) => ({ name, value })),
		default: 'text',
		description: 'What kind of message to send',
		displayOptions: showFor('send'),
	},
	{
		displayName: fields.msg.label,
		name: fields.msg.parameter,
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text the customer will see. Line breaks are kept.',
		hint: `${describeLength(fields.msg)}; Korean letters and emoji count as one character each`,
		displayOptions: showFor('send', { messageType: ['text'] }),
	},
	{
		displayName: fields.url.label,
		name: fields.url.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/files/photo.jpg',
		description: 'Public link to the image, video or audio file; HappyTalk shows it to the customer',
		hint: `${describeLength(fields.url)}, starting with http:// or https://`,
		displayOptions: showFor('send', { messageType: fileTypes }),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor('send'),
		options: [
			// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is TIMEOUT_MS.default, owned by the options schema
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: TIMEOUT_MS.min, maxValue: TIMEOUT_MS.max },
				default: TIMEOUT_MS.default,
				description:
					'How long to wait for HappyTalk to answer, in milliseconds. When it does not answer in time the message may or may not have been delivered, so it is reported as an error and not sent again.',
			},
		],
	},
];
