import type { IDataObject } from 'n8n-workflow';

import { plainUuid, siteNumberOf } from './customerUuid';
import { koreaTimeToIso } from './kstDates';

/** Response dictionaries (customer-api.md), in words; values HappyTalk adds later pass through. */
export const ROOM_STATES: Readonly<Record<string, string>> = {
	'-2': 'waiting for counseling',
	'-1': 'chatbot in progress',
	'0': 'waiting for acceptance',
	'1': 'in progress',
	'2': 'completed',
	'3': 'deleted',
	'4': 'ended by chatbot',
};
export const CHANNELS: Readonly<Record<string, string>> = {
	'0': 'HappyTalk',
	'1': 'Naver TalkTalk',
	'2': 'KakaoTalk',
};
export const SENDERS: Readonly<Record<string, string>> = { C: 'customer', H: 'counselor', B: 'bot' };

function inWords(dictionary: Readonly<Record<string, string>>, value: unknown): string {
	const key = value === undefined || value === null ? '' : String(value);
	return dictionary[key] ?? `unknown (${key})`;
}

/**
 * One room as an output item: HappyTalk's fields exactly as they came, and beside them what a
 * workflow needs without a lookup table (see the README's "Counseling history output").
 * `site` is the company's site number (customerUuid.ts); by default, this room's own.
 */
export function roomOutput(chat: IDataObject, messages?: unknown, site: string | null = siteNumberOf([chat])): IDataObject {
	const output: IDataObject = {
		uuid: plainUuid(chat.customer_uuid, site) ?? null,
		roomId: chat.id ?? null,
		statusName: inWords(ROOM_STATES, chat.status),
		channel: inWords(CHANNELS, chat.out_api),
		openedAt: koreaTimeToIso(chat.reg_date),
		completedAt: koreaTimeToIso(chat.complate_date),
	};
	if (messages === undefined) return { ...output, ...chat };
	const list = Array.isArray(messages) ? (messages as IDataObject[]) : [];
	// `message` stays exactly as HappyTalk sent it; `messages` is the readable list, in send order.
	return { ...output, messageCount: list.length, messages: inSendOrder(list).map(messageOutput), ...chat, message: messages };
}

function messageOutput(message: IDataObject): IDataObject {
	const output: IDataObject = {
		...message,
		sender: inWords(SENDERS, message.user_type),
		isMemo: message.type === 'M',
		sentAt: koreaTimeToIso(message.send_date),
		readAt: koreaTimeToIso(message.read_date),
	};
	if (message.contents_type === 'template') output.template = decodeTemplate(message.contents);
	return output;
}

/** A template's `contents` is JSON text; null when it cannot be read (the text stays in `contents`). */
export function decodeTemplate(contents: unknown): IDataObject | null {
	if (typeof contents !== 'string') return null;
	try {
		const value = JSON.parse(contents) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null;
	} catch {
		return null;
	}
}

/** The spec does not give the messages' order: by send time, then by message id (numeric). */
function inSendOrder(messages: IDataObject[]): IDataObject[] {
	const idOf = (message: IDataObject) => {
		const id = Number(message.id);
		return Number.isFinite(id) ? id : 0;
	};
	return [...messages].sort(
		(a, b) => String(a.send_date ?? '').localeCompare(String(b.send_date ?? '')) || idOf(a) - idOf(b),
	);
}

/** `data` of the searches by room, UUID and customer ID: `[{chat, message}]`, one per room. */
export function roomEntries(answer: IDataObject): Array<{ chat: IDataObject; message: unknown }> {
	const data = Array.isArray(answer.data) ? (answer.data as IDataObject[]) : [];
	return data.map((entry) => ({ chat: (entry.chat ?? {}) as IDataObject, message: entry.message }));
}

/** Those rooms as output items, with the site number their answer shows (one company's). */
export function roomsWithMessages(answer: IDataObject): IDataObject[] {
	const entries = roomEntries(answer);
	const site = siteNumberOf(entries.map((entry) => entry.chat));
	return entries.map((entry) => roomOutput(entry.chat, entry.message, site));
}
