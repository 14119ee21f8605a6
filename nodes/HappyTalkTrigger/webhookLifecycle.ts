import type { IHookFunctions } from 'n8n-workflow';

/**
 * HappyTalk has no API to read, register or remove a receive domain: an admin enters it once in
 * HappyTalk's customer centre. So these methods call no one. They keep, in the node's static
 * data, the receive domain this trigger was last activated on, which is all n8n can know:
 * - checkExists: true only when this node was already activated on the same receive domain;
 * - create: records the domain to register in HappyTalk (nothing is sent anywhere);
 * - delete: forgets it. HappyTalk keeps posting to the domain until it is changed there, and n8n
 *   answers those posts 404 while the workflow is inactive.
 */
export const receiveDomainLifecycle = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return this.getWorkflowStaticData('node').receiveDomain === receiveDomain(this);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			this.getWorkflowStaticData('node').receiveDomain = receiveDomain(this);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			delete this.getWorkflowStaticData('node').receiveDomain;
			return true;
		},
	},
};

/** The webhook URL without the "/message/:uuid" that HappyTalk appends itself. */
export function receiveDomain(context: IHookFunctions): string {
	return String(context.getNodeWebhookUrl('default') ?? '').replace(/\/message\/:uuid$/, '');
}
