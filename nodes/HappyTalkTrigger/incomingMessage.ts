import { z } from 'zod';
import type { IDataObject } from 'n8n-workflow';

/**
 * HappyTalk's customer-message webhook, V1 payload (spec: "Incoming messages"). Lenient where the
 * document is vague (ids as numbers or strings, `image` empty or absent), strict where a stranger's
 * request would differ: the path's uuid, a room, a type and a message id must be there.
 */
export const UUID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const identifier = z
	.union([z.string().min(1), z.number()], {
		errorMap: (_issue, ctx) => ({ message: ctx.data === undefined ? 'is required' : 'must be text or a number' }),
	})
	.transform(String);

const fileContent = z.object({
	text: z.string().optional(),
	link: z.object({ name: z.string().optional(), url: z.string().optional() }).partial().optional(),
});

const image = z.object({
	url: z.string(),
	width: z.union([z.number(), z.string()]).optional(),
	height: z.union([z.number(), z.string()]).optional(),
});

export const incomingMessageBody = z
	.object({
		uuid: z.string().optional(),
		room_id: identifier,
		type: z.string().min(1),
		msgid: identifier,
		content: z.union([z.string(), fileContent]).optional(),
		image: z.union([image, z.literal(''), z.null()]).optional(),
		auto_end: z.enum(['Y', 'N']).optional(),
	})
	.passthrough();

export interface IncomingMessage extends IDataObject {
	uuid: string;
	roomId: string;
	type: string;
	msgId: string;
	text: string;
	autoEnd: boolean;
	raw: IDataObject;
}

export type ParseResult = { ok: true; message: IncomingMessage } | { ok: false; problem: string };

export function parseIncomingMessage(pathUuid: unknown, body: unknown): ParseResult {
	if (typeof pathUuid !== 'string' || !UUID_PATTERN.test(pathUuid)) {
		return { ok: false, problem: 'the path must end with /message/{uuid} (letters, digits, _ and -)' };
	}
	const parsed = incomingMessageBody.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
	}
	const data = parsed.data;
	if (data.uuid !== undefined && data.uuid !== pathUuid) {
		return { ok: false, problem: 'the uuid in the body differs from the uuid in the path' };
	}
	const content = data.content;
	const file = typeof content === 'object' && content.link?.url ? content.link : undefined;
	const picture = data.image && typeof data.image === 'object' ? data.image : undefined;
	return {
		ok: true,
		message: {
			uuid: pathUuid,
			roomId: data.room_id,
			type: data.type,
			msgId: data.msgid,
			text: typeof content === 'string' ? content : (content?.text ?? ''),
			...(picture
				? { image: { url: picture.url, width: toNumber(picture.width), height: toNumber(picture.height) } }
				: {}),
			...(file ? { file: { name: file.name ?? '', url: file.url ?? '' } } : {}),
			autoEnd: data.auto_end === 'Y',
			raw: body as IDataObject,
		},
	};
}

function toNumber(value: unknown): number | null {
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
