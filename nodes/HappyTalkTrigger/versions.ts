import type { INodeProperties } from 'n8n-workflow';

/**
 * 1: <n8n>/webhook/<webhook id>/[secret/]message/:uuid. n8n keys a full-path webhook with a
 *    `:uuid` segment by its path alone ("[secret/]message/:uuid"), so two active version 1
 *    triggers with the same Path Secret (or none) take each other's place.
 * 2: the webhook id once more inside the path, which makes the key as unique as the webhook id
 *    n8n finds the trigger by: <n8n>/webhook/<webhook id>/<webhook id>/[secret/]message/:uuid.
 * Version 1 keeps its URL: HappyTalk has it registered as the receive domain.
 */
export const TRIGGER_VERSIONS = [1, 2];
export const DEFAULT_VERSION = 2;
export const OWN_PATH_SINCE = 2;

// HappyTalk appends /message/{UUID} to the receive domain it was given.
export const RECEIVE_PATH = `={{ ($nodeVersion >= ${OWN_PATH_SINCE} ? $webhookId + "/" : "") + ($parameter["pathSecret"] ? $parameter["pathSecret"] + "/" : "") + "message/:uuid" }}`;

export const versionOneNotice: INodeProperties = {
	displayName:
		'<b>Version 1</b>: this URL has no part of its own, so another published HappyTalk Trigger with the same Path Secret (or none) takes its messages. To move: add a new HappyTalk Trigger (version 2, a URL of its own) with the same settings, publish, register its Production URL with HappyTalk as the receive domain, then delete this one.',
	name: 'versionOneNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '@version': [1] } },
};
