import type { IDataObject } from 'n8n-workflow';

/**
 * HappyTalk's "template" message content (V2 layout). The only sample we have is the counsel
 * history's `contents`: `{ type, message, isLocked, buttonList: [{ type, name, pcUrl?, mobileUrl? }] }`,
 * as an object or as a JSON string. Read leniently, since the webhook's V2 field list is unpublished.
 */
export interface TemplateContent {
	templateType: string;
	text: string;
	locked: boolean;
	buttons: IDataObject[];
}

export function decodeTemplate(content: unknown): TemplateContent | undefined {
	const value = typeof content === 'string' ? parseJsonObject(content) : content;
	if (!isObject(value)) return undefined;
	const hasText = typeof value.message === 'string';
	const buttons = Array.isArray(value.buttonList) ? value.buttonList : undefined;
	if (!hasText && !buttons) return undefined;
	return {
		templateType: typeof value.type === 'string' ? value.type : '',
		text: hasText ? (value.message as string) : '',
		locked: value.isLocked === true,
		buttons: (buttons ?? []).filter(isObject).map(readButton),
	};
}

/** A button as the workflow needs it: its label, its kind, and its link when it has one. */
function readButton(button: IDataObject): IDataObject {
	const link = [button.mobileUrl, button.pcUrl, button.url].find((url) => typeof url === 'string' && url !== '');
	return {
		type: typeof button.type === 'string' ? button.type : '',
		name: typeof button.name === 'string' ? button.name : '',
		...(link ? { url: link } : {}),
		...button,
	};
}

export function parseJsonObject(text: string): IDataObject | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
