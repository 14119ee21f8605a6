import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { withAttachment } from '../../../shared/attachments/attach';
import { parseRequestBody } from '../../../shared/validate';
import { downloadFields, downloadSettings } from './schema';

/**
 * Attachment → Download: the input item with the file in its binary field and `attachment`
 * describing it. A failed download is this item's error ("On Error" decides what happens next).
 */
export async function run(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const settings = parseRequestBody(
		downloadSettings,
		{
			url: this.getNodeParameter('url', itemIndex, ''),
			binaryProperty: this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
			...(options.fileName ? { fileName: options.fileName } : {}),
			maxSizeMb: options.maxSizeMb,
			downloadTimeout: options.downloadTimeout,
			allowPrivateAddresses: options.allowPrivateAddresses,
		},
		downloadFields,
		this.getNode(),
		itemIndex,
	);
	const item = this.getInputData()[itemIndex];
	const output = await withAttachment(this, item, { url: settings.url, fileName: settings.fileName }, settings, settings.binaryProperty);
	const attachment = output.json.attachment as IDataObject;
	if (attachment.downloaded !== true) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${String(attachment.error)}`, {
			itemIndex,
			description: `The attachment was not downloaded (${String(attachment.failure)}).`,
		});
	}
	return { ...output, pairedItem: { item: itemIndex } };
}
