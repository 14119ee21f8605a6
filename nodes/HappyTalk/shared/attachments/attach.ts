import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadAttachment } from './download';
import type { DownloadOptions } from './download.schema';

export interface AttachmentSource {
	url: string;
	/** The name HappyTalk gave the file, if any. */
	fileName?: string;
}

/**
 * The item with its attachment downloaded into `binary[binaryProperty]`, and `attachment` saying
 * how it went: `{ downloaded: true, binaryProperty, fileName, mimeType, fileSize }` (bytes), or
 * `{ downloaded: false, failure, error }`. The item always goes on: a failed download never loses
 * the message it came with.
 */
export async function withAttachment(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	source: AttachmentSource,
	options: DownloadOptions,
	binaryProperty: string,
): Promise<INodeExecutionData> {
	const result = await downloadAttachment(
		(request) => context.helpers.httpRequest(request),
		source.url,
		options,
		context.getExecutionCancelSignal(),
	);
	if (!result.ok) {
		const attachment: IDataObject = { downloaded: false, failure: result.failure, error: result.error };
		return { ...item, json: { ...item.json, attachment } };
	}
	const fileName = source.fileName || result.fileName || lastPathSegment(source.url) || 'attachment';
	const binary = await context.helpers.prepareBinaryData(result.data, fileName, result.mimeType);
	const attachment: IDataObject = {
		downloaded: true,
		binaryProperty,
		fileName: binary.fileName ?? fileName,
		mimeType: binary.mimeType,
		fileSize: result.data.length,
	};
	return { ...item, json: { ...item.json, attachment }, binary: { ...item.binary, [binaryProperty]: binary } };
}

function lastPathSegment(address: string): string | undefined {
	try {
		const segment = new URL(address).pathname.split('/').filter(Boolean).pop();
		return segment ? decodeURIComponent(segment) : undefined;
	} catch {
		return undefined;
	}
}
