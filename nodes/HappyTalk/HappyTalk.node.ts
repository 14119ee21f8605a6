import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resources } from './actions/registry';
import { router } from './actions/router';
import { resourceProperties } from './shared/description';
import { toolDescriptionProperties } from './tool/description';

export class HappyTalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HappyTalk',
		name: 'happyTalk',
		icon: { light: 'file:happyTalk.svg', dark: 'file:happyTalk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Open and end HappyTalk counseling rooms, send messages into them and check the customer's previous counselor, with HappyTalk's Biz API",
		defaults: { name: 'HappyTalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'happyTalkApi', required: true }],
		properties: [
			...toolDescriptionProperties,
			...resourceProperties(resources, 'message'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
