import { z } from 'zod';

import { downloadOptionFields, downloadOptions } from '../../../shared/attachments/download.schema';

export const downloadSettings = downloadOptions.extend({
	url: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required: the attachment\'s http:// or https:// address'),
	binaryProperty: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required: the binary field to put the file in, e.g. data'),
	fileName: z.string({ invalid_type_error: 'must be text' }).optional(),
});

export const downloadFields = {
	...downloadOptionFields,
	url: { parameter: 'url', label: 'URL' },
	binaryProperty: { parameter: 'binaryPropertyName', label: 'Put Output File in Field' },
	fileName: { parameter: 'options.fileName', label: 'File Name' },
} as const;
