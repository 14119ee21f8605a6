import type { INodeProperties } from 'n8n-workflow';

import { downloadOptionProperties } from '../../HappyTalk/shared/attachments/description';

/** The trigger's attachment options, inside its Options collection. */
export const attachmentOptions: INodeProperties[] = [
	{
		displayName: 'Download Attachments',
		name: 'downloadAttachments',
		type: 'boolean',
		default: false,
		description:
			'Whether to download a customer\'s image or file into the binary field "data" (file name, MIME type, size). It happens when the workflow runs, so with "At Once" HappyTalk\'s answer never waits for it. A failed download leaves the message as it is, with "attachment.error" saying why.',
	},
	...downloadOptionProperties('an attachment (with Download Attachments on)'),
];
