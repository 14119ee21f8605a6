import { z } from 'zod/v3';
import type { IDataObject } from 'n8n-workflow';

import { readDeliveryUuid } from './deliveryUuid';
import { decodeTemplate, isObject, parseJsonObject } from './templateContent';

/**
 * One delivery to `<receive domain>/message/{uuid}`. HappyTalk's documented (V1) payload is parsed
 * exactly; a `template` content (V2) is decoded; any other JSON object still becomes an item, with
 * what could be read, `layoutRecognized: false` and the raw body, because HappyTalk is moving
 * companies to a layout whose fields are unpublished and a refused delivery is lost for good.
 * Only what cannot be a delivery is refused: a body that is not a JSON object, a uuid that cannot be
 * an id (see deliveryUuid.ts); `uuidValid` says whether the Biz API would take the uuid.
 */
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

/** The V1 payload (spec: "Incoming messages"); ids may come as numbers, `image` empty or absent. */
export const v1Body = z
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

/** Names a new layout might use for the same facts, V1's first. */
const ROOM_ID_KEYS = ['room_id', 'roomId', 'roomid', 'chat_id', 'chatId'];
const MESSAGE_ID_KEYS = ['msgid', 'msg_id', 'msgId', 'message_id', 'messageId'];
const TYPE_KEYS = ['type', 'contents_type', 'content_type', 'message_type', 'msg_type'];
const CONTENT_KEYS = ['content', 'contents', 'message', 'msg'];

export type Layout = 'v1' | 'template' | 'unknown';

export interface IncomingMessage extends IDataObject {
	uuid: string;
	/** Whether the uuid keeps the Biz API's rule, so that a reply to it can be sent. */
	uuidValid: boolean;
	roomId: string;
	type: string;
	msgId: string;
	text: string;
	autoEnd: boolean;
	/** Which layout the body had: HappyTalk's documented V1, a template (V2) content, or neither. */
	layout: Layout;
	layoutRecognized: boolean;
	raw: IDataObject;
}

export type ParseResult = { ok: true; message: IncomingMessage } | { ok: false; problem: string };

/**
 * `body` is what n8n parsed; `rawBody` the bytes as text, read when n8n parsed nothing (no or an
 * unusual Content-Type) or only a string (text/plain).
 */
export function parseIncomingMessage(pathUuid: unknown, body: unknown, rawBody?: string): ParseResult {
	const uuid = readDeliveryUuid(pathUuid);
	if (!uuid.ok) return uuid;
	const object = asObject(body, rawBody);
	if (!object.ok) return object;
	return { ok: true, message: readMessage(uuid.uuid, uuid.uuidValid, object.value) };
}

function asObject(body: unknown, rawBody?: string): { ok: true; value: IDataObject } | { ok: false; problem: string } {
	if (isObject(body) && Object.keys(body).length > 0) return { ok: true, value: body };
	if (body !== undefined && body !== null && typeof body !== 'string' && !isObject(body)) {
		return { ok: false, problem: 'the body is JSON but not an object' };
	}
	const text = typeof body === 'string' ? body : (rawBody ?? '');
	if (text.trim() === '') {
		return isObject(body) ? { ok: true, value: body } : { ok: false, problem: 'the body is empty' };
	}
	const value = parseJsonObject(text);
	if (value) return { ok: true, value };
	return { ok: false, problem: isJson(text) ? 'the body is JSON but not an object' : 'the body is not JSON' };
}

function readMessage(uuid: string, uuidValid: boolean, body: IDataObject): IncomingMessage {
	const v1 = v1Body.safeParse(body);
	const content = firstOf(body, CONTENT_KEYS);
	// A V1 text that merely looks like JSON stays text: decode only what declares itself a template,
	// an object content, or a body that is not V1 at all.
	const declaredTemplate = /template/i.test(String(firstOf(body, TYPE_KEYS) ?? ''));
	const template =
		declaredTemplate || isObject(content) || !v1.success ? decodeTemplate(content) : undefined;
	const roomId = v1.success ? v1.data.room_id : identifierOf(firstOf(body, ROOM_ID_KEYS));
	const common = {
		uuid,
		uuidValid,
		roomId,
		msgId: v1.success ? v1.data.msgid : identifierOf(firstOf(body, MESSAGE_ID_KEYS)),
		autoEnd: body.auto_end === 'Y' || body.autoEnd === true,
		raw: body,
	};
	const bodyUuid = body.uuid;
	const sameCustomer = bodyUuid === undefined || bodyUuid === uuid;

	if (template && roomId !== '' && sameCustomer) {
		const type = firstOf(body, TYPE_KEYS);
		return {
			...common,
			type: typeof type === 'string' && type !== '' ? type : 'template',
			text: template.text,
			buttons: template.buttons,
			templateType: template.templateType,
			locked: template.locked,
			layout: 'template',
			layoutRecognized: true,
		};
	}
	if (v1.success && sameCustomer) {
		const data = v1.data;
		const file = typeof data.content === 'object' && data.content.link?.url ? data.content.link : undefined;
		const picture = data.image && typeof data.image === 'object' ? data.image : undefined;
		return {
			...common,
			type: data.type,
			text: typeof data.content === 'string' ? data.content : (data.content?.text ?? ''),
			...(picture
				? { image: { url: picture.url, width: toNumber(picture.width), height: toNumber(picture.height) } }
				: {}),
			...(file ? { file: { name: file.name ?? '', url: file.url ?? '' } } : {}),
			layout: 'v1',
			layoutRecognized: true,
		};
	}
	// Neither layout: hand over what could be read, and say why it was not recognised.
	const type = firstOf(body, TYPE_KEYS);
	const problem = sameCustomer
		? v1.success
			? 'unknown content'
			: describeIssue(v1.error.issues[0])
		: `the uuid in the body (${JSON.stringify(bodyUuid)}) differs from the uuid in the path`;
	return {
		...common,
		type: typeof type === 'string' ? type : '',
		text: typeof content === 'string' ? content : template?.text ?? textOf(content),
		layout: 'unknown',
		layoutRecognized: false,
		layoutProblem: problem,
	};
}

function firstOf(body: IDataObject, keys: string[]): unknown {
	for (const key of keys) if (body[key] !== undefined && body[key] !== null) return body[key];
	return undefined;
}

function identifierOf(value: unknown): string {
	return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : '';
}

function textOf(content: unknown): string {
	return isObject(content) && typeof content.text === 'string' ? content.text : '';
}

function describeIssue(issue: z.ZodIssue): string {
	return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function toNumber(value: unknown): number | null {
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
