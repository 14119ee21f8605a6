import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { resources, resourcesOf } from './actions/registry';
import { replyWebhook, replyWebhooks } from './actions/message/sendAndWait/webhook';
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
		description: "Open and end HappyTalk counseling rooms, send messages into them and check the customer's previous counselor (Biz API); read counseling history and update customer information (customer API)",
		defaults: { name: 'HappyTalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Message → Send and Wait for Reply resumes through it.
		webhooks: replyWebhooks,
		// n8n asks only for the credential of the API the chosen resource belongs to. `hide` for the
		// Biz API: had both credentials `show` every resource value, n8n's editor would take
		// "resource" for an authentication switch and offer either credential for any resource.
		credentials: [
			{
				name: 'happyTalkApi',
				required: true,
				displayOptions: { hide: { resource: [...resourcesOf('customerApi'), ...resourcesOf('none')] } },
			},
			{
				name: 'happyTalkCustomerApi',
				required: true,
				displayOptions: { show: { resource: resourcesOf('customerApi') } },
			},
		],
		properties: [
			...toolDescriptionProperties,
			...resourceProperties(resources, 'message'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await replyWebhook.call(this);
	}
}
