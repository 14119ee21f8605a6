import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import {
	counselorCheckPreviousFields,
	counselorOperations,
} from './description/counselor.description';
import { messageOperations, messageSendFields } from './description/message.description';
import { roomEndFields, roomOpenFields, roomOperations } from './description/room.description';

export class HappyTalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HappyTalk',
		name: 'happyTalk',
		icon: { light: 'file:happyTalk.svg', dark: 'file:happyTalk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Open and end HappyTalk counselling rooms, send messages into them and check the customer's previous counsellor, with HappyTalk's Biz API",
		defaults: { name: 'HappyTalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'happyTalkApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Counselor', value: 'counselor' },
					{ name: 'Message', value: 'message' },
					{ name: 'Room', value: 'room' },
				],
				default: 'message',
			},
			...messageOperations,
			...messageSendFields,
			...roomOperations,
			...roomOpenFields,
			...roomEndFields,
			...counselorOperations,
			...counselorCheckPreviousFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
