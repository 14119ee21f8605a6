import type { INodeProperties } from 'n8n-workflow';

import {
	customerUuidProperty,
	optionsProperty,
	roomIdProperty,
	showFor,
} from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { describeLength } from '../../../shared/text';
import { MESSAGE_TYPES, sendMessageFields as fields } from './schema';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	description: 'Send a text, image, video or audio message into a counseling room',
	action: 'Send a message',
};

const send = showFor('message', 'send');
const fileTypes = MESSAGE_TYPES.filter((type) => type.value !== 'text').map((type) => type.value);

export const properties: INodeProperties[] = [
	customerUuidProperty(send),
	roomIdProperty(send),
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: MESSAGE_TYPES.map(({ name, value }) => ({ name, value })),
		default: 'text',
		description: 'What kind of message to send',
		displayOptions: send,
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
		displayOptions: showFor('message', 'send', { messageType: ['text'] }),
	},
	{
		displayName: fields.url.label,
		name: fields.url.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/files/photo.jpg',
		description: 'Public link to the image, video or audio file; HappyTalk shows it to the customer',
		hint: `${describeLength(fields.url)}, starting with http:// or https://, without spaces (write one as %20)`,
		displayOptions: showFor('message', 'send', { messageType: fileTypes }),
	},
	optionsProperty(send),
];
