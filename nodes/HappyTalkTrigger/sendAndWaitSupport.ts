import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { N8N_API_CREDENTIAL } from './n8nApiExecutions';

/**
 * What the trigger adds for Message → Send and Wait for Reply: n8n's own API credential, with
 * which it finds this workflow's waiting executions in queue mode and after a restart (optional:
 * regular mode finds them in the process's memory).
 */
export const replyRoutingCredentials: INodeCredentialDescription[] = [{ name: N8N_API_CREDENTIAL, required: false }];

export const replyRoutingNotice: INodeProperties = {
	displayName:
		'With <b>Send and Wait for Reply</b> in this workflow, the trigger hands a customer\'s next message to the execution waiting in that room instead of starting the workflow. In regular mode that needs nothing more; in queue mode, and for executions that waited across an n8n restart, add an <b>n8n API</b> credential (Settings → n8n API: an API key with access to executions; Base URL e.g. http://localhost:5678/api/v1).',
	name: 'sendAndWaitNotice',
	type: 'notice',
	default: '',
};
