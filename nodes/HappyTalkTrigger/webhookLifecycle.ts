import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { fingerprint, pathSecretProblem } from './pathSecret';

/**
 * HappyTalk has no API to read, register or remove a receive domain: an admin enters it once in
 * HappyTalk's customer centre. So these methods call no one. They refuse a Path Secret outside its
 * rule, so such a trigger never listens (n8n then registers no path at all), and they keep, in the
 * node's static data, a fingerprint of the receive domain this trigger was last activated on
 * (never the domain itself: it holds the Path Secret):
 * - checkExists: true only when this node was already activated on the same receive domain;
 * - create: records the fingerprint (nothing is sent anywhere);
 * - delete: forgets it. HappyTalk keeps posting to the domain until it is changed there, and n8n
 *   answers those posts 404 while the workflow is inactive.
 */
export const receiveDomainLifecycle = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			assertPathSecret(this);
			const staticData = this.getWorkflowStaticData('node');
			// Earlier releases kept the domain itself, secret included.
			delete staticData.receiveDomain;
			return staticData.receiveDomainFingerprint === fingerprint(receiveDomain(this));
		},
		async create(this: IHookFunctions): Promise<boolean> {
			assertPathSecret(this);
			this.getWorkflowStaticData('node').receiveDomainFingerprint = fingerprint(receiveDomain(this));
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const staticData = this.getWorkflowStaticData('node');
			delete staticData.receiveDomain;
			delete staticData.receiveDomainFingerprint;
			return true;
		},
	},
};

/** The webhook URL without the "/message/:uuid" that HappyTalk appends itself. */
export function receiveDomain(context: IHookFunctions): string {
	return String(context.getNodeWebhookUrl('default') ?? '').replace(/\/message\/:uuid$/, '');
}

function assertPathSecret(context: IHookFunctions): void {
	const problem = pathSecretProblem(context.getNodeParameter('pathSecret', ''));
	if (problem === undefined) return;
	throw new NodeOperationError(context.getNode(), `The Path Secret ${problem}`, {
		description:
			'n8n does not listen for HappyTalk until the Path Secret is fixed: a secret outside the rule would let other URLs start the workflow or break the receive domain.',
	});
}
