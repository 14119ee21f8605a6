import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { messageFieldProperties } from '../messageFields';
import { limitWaitTimeOption } from './limitWaitTime';

export const option: OperationOption = {
	name: 'Send and Wait for Reply',
	value: 'sendAndWait',
	description:
		"Send a message, then pause the workflow until the same customer writes next in that room (received through the HappyTalk Trigger)",
	action: 'Send a message and wait for the reply',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'The reply arrives through an active <b>HappyTalk Trigger</b> in the same n8n project: it hands the customer\'s next message in this room to this execution instead of starting its own workflow. Every item must be for the same customer and room.',
		name: 'sendAndWaitNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('message', 'sendAndWait'),
	},
	{
		displayName:
			"Send and Wait for Reply cannot run as an AI Agent's tool: a tool must answer the agent at once. Use Send; the customer's next message reaches the agent through the HappyTalk Trigger.",
		name: 'sendAndWaitToolNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@tool': [true], resource: ['message'], operation: ['sendAndWait'] } },
	},
	...messageFieldProperties('sendAndWait'),
	optionsProperty(showFor('message', 'sendAndWait'), [limitWaitTimeOption]),
];
