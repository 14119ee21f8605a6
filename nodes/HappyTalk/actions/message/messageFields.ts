import type { INodeProperties } from 'n8n-workflow';

import { customerUuidProperty, roomIdProperty, showFor } from '../../shared/description';
import { describeLength } from '../../shared/text';
import { MESSAGE_TYPES, sendMessageFields as fields } from './send/schema';

const fileTypes = MESSAGE_TYPES.filter((type) => type.value !== 'text').map((type) => type.value);

/**
 * The fields of one message (customer, room, type, text or file URL): Message → Send and
 * Message → Send and Wait for Reply show the same ones, with the same limits.
 */
export function messageFieldProperties(operation: string): INodeProperties[] {
	const shown = showFor('message', operation);
	return [
		customerUuidProperty(shown),
		roomIdProperty(shown),
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: MESSAGE_TYPES.map(({ name, value }) => ({ name, value })),
			default: 'text',
			description: 'What kind of message to send',
			displayOptions: shown,
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
			displayOptions: showFor('message', operation, { messageType: ['text'] }),
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
			displayOptions: showFor('message', operation, { messageType: fileTypes }),
		},
	];
}
