import type { INodeProperties } from 'n8n-workflow';

import { DOWNLOAD_TIMEOUT_MS, MAX_SIZE_MB } from './download.schema';

/**
 * The download options the trigger and Attachment → Download share. Literal defaults for n8n's
 * scanner; test/unit/attachmentOptions.test.ts holds them to the schema.
 */
export const downloadOptionProperties = (subject: string): INodeProperties[] => [
	{
		displayName: 'Allow Private Network Addresses',
		name: 'allowPrivateAddresses',
		type: 'boolean',
		default: false,
		description: `Whether to download ${subject} also from localhost and loopback, private and link-local IP addresses written in the URL (e.g. a HappyTalk sandbox on 127.0.0.1). Off, such a URL is not fetched and the item says so: without a Path Secret anyone can post a message whose URL points into your network.`,
	},
	{
		displayName: 'Download Timeout (Ms)',
		name: 'downloadTimeout',
		type: 'number',
		typeOptions: { minValue: DOWNLOAD_TIMEOUT_MS.min, maxValue: DOWNLOAD_TIMEOUT_MS.max },
		default: 30000,
		description: `How long ${subject} may take to download, all of it; a slower one is given up and the item says so`,
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxSizeMb',
		type: 'number',
		typeOptions: { minValue: MAX_SIZE_MB.min, maxValue: MAX_SIZE_MB.max },
		default: 25,
		description: `Largest ${subject} to download; a larger one is not kept (reading stops at this size) and the item says so`,
	},
];
