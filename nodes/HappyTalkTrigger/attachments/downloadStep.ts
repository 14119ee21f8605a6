import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withAttachment, type AttachmentSource } from '../../HappyTalk/shared/attachments/attach';
import {
	DEFAULT_BINARY_PROPERTY,
	downloadOptionFields,
	downloadOptions,
	type DownloadOptions,
} from '../../HappyTalk/shared/attachments/download.schema';
import { parseRequestBody } from '../../HappyTalk/shared/validate';

/**
 * The trigger's step inside the execution. n8n runs a trigger's `execute` with what `webhook()`
 * returned as its input, so the download happens in the run (on a worker in queue mode), after
 * n8n has answered HappyTalk when the answer is "At Once", not in `webhook()`, whose time every
 * answer waits for. Without "Download Attachments" the items pass unchanged.
 */
export async function downloadAttachmentsStep(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { downloadAttachments, maxSizeMb, downloadTimeout, allowPrivateAddresses } = this.getNodeParameter('options', 0, {}) as IDataObject;
	if (downloadAttachments !== true) return [items];
	let options: DownloadOptions;
	try {
		options = parseRequestBody(downloadOptions, { maxSizeMb, downloadTimeout, allowPrivateAddresses }, downloadOptionFields, this.getNode(), 0);
	} catch (error) {
		// A bad option (from an expression) must not cost the messages: they go on, saying so.
		const attachment = { downloaded: false, failure: 'invalidOptions', error: (error as Error).message };
		return [items.map((item) => (attachmentOf(item.json) ? { ...item, json: { ...item.json, attachment } } : item))];
	}
	const output: INodeExecutionData[] = [];
	for (const item of items) {
		const source = attachmentOf(item.json);
		output.push(source ? await withAttachment(this, item, source, options, DEFAULT_BINARY_PROPERTY) : item);
	}
	return [output];
}

/** A V1 message's image (`image.url`) or file (`file.url`, `file.name`), as the trigger parsed them. */
export function attachmentOf(message: IDataObject): AttachmentSource | undefined {
	const image = message.image as IDataObject | undefined;
	if (image && typeof image.url === 'string' && image.url !== '') return { url: image.url };
	const file = message.file as IDataObject | undefined;
	if (file && typeof file.url === 'string' && file.url !== '') {
		return { url: file.url, fileName: typeof file.name === 'string' && file.name !== '' ? file.name : undefined };
	}
	return undefined;
}
