import { z } from 'zod';

import { customerUuidField, roomIdField } from '../../../shared/fields';
import { boundedText, httpUrl, type FieldSpec } from '../../../shared/text';

/**
 * `POST /v1/chat/write`, the one source of its limits: the editor's hints, the validation and
 * docs/operations.md's field table (checked by a test) all read from here.
 */
export const SEND_MESSAGE_ENDPOINT = '/v1/chat/write';

export const MESSAGE_TYPES = [
	{ value: 'text', name: 'Text' },
	{ value: 'image', name: 'Image' },
	{ value: 'video', name: 'Video' },
	{ value: 'audio', name: 'Audio' },
] as const;

export const sendMessageFields = {
	uuid: customerUuidField,
	room_id: roomIdField,
	msg: { parameter: 'message', label: 'Message', min: 1, max: 1000 },
	url: { parameter: 'url', label: 'File URL', min: 1, max: 255 },
} as const satisfies Record<string, FieldSpec>;

/** The wire field that carries each parameter, for naming fields in errors. */
export const sendMessageWireFields = {
	...sendMessageFields,
	type: { parameter: 'messageType', label: 'Message Type' },
} as const;

const common = {
	uuid: boundedText(sendMessageFields.uuid),
	room_id: boundedText(sendMessageFields.room_id),
};

const [text, ...fileTypes] = MESSAGE_TYPES.map((type) => type.value);

/** `msg` only for text, `url` only for the others: `strict()` refuses anything extra. */
export const sendMessageBody = z.discriminatedUnion(
	'type',
	[
		z.object({ ...common, type: z.literal(text), msg: boundedText(sendMessageFields.msg) }).strict(),
		z
			.object({
				...common,
				type: z.enum(fileTypes as [string, ...string[]]),
				url: httpUrl(sendMessageFields.url),
			})
			.strict(),
	],
	{
		errorMap: (issue, ctx) =>
			issue.code === z.ZodIssueCode.invalid_union_discriminator
				? {
						message: `must be one of ${MESSAGE_TYPES.map((t) => t.value).join(', ')}; got ${JSON.stringify((ctx.data as { type?: unknown } | undefined)?.type) ?? 'nothing'}`,
					}
				: { message: ctx.defaultError },
	},
);

export type SendMessageBody = z.infer<typeof sendMessageBody>;
