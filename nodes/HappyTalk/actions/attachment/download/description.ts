import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/description';
import { downloadOptionProperties } from '../../../shared/attachments/description';
import type { OperationOption } from '../../../shared/operation';

export const option: OperationOption = {
	name: 'Download',
	value: 'download',
	description: "Download a customer's image or file from its URL into a binary field",
	action: 'Download an attachment',
};

const download = showFor('attachment', 'download');

export const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		// A HappyTalk Trigger item carries an image's URL in image.url, a file's in file.url.
		default: '={{ ($json.image || $json.file || {}).url }}',
		placeholder: 'https://…/image.png',
		description: "The attachment's address. The default reads a HappyTalk Trigger item's image or file address.",
		displayOptions: download,
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: download,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: download,
		options: [
			...downloadOptionProperties('the file'),
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'receipt.pdf',
				description: "The file's name. Empty: the name the server gives, else the URL's last segment.",
			} satisfies INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
