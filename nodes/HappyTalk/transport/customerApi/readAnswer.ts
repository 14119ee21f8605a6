import type { IDataObject } from 'n8n-workflow';

export type CustomerAnswer =
	| { kind: 'success'; body: IDataObject }
	| { kind: 'fail'; code: number; message: unknown }
	| { kind: 'unreadable'; message: string };

/** Makes sense of the customer API's `{"result": "success" | "fail", …}`, or says why it is not one. */
export function readCustomerAnswer(status: number, body: unknown): CustomerAnswer {
	const text = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
	if (text.trim() === '') return { kind: 'unreadable', message: `HappyTalk answered HTTP ${status} with an empty body` };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {
			kind: 'unreadable',
			message: /^\s*</.test(text)
				? `HappyTalk answered HTTP ${status} with an HTML page instead of JSON`
				: `HappyTalk answered HTTP ${status} with a body that is not JSON: "${text.trim().slice(0, 80)}"`,
		};
	}
	const answer = parsed as IDataObject;
	if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
		if (answer.result === 'success') return { kind: 'success', body: answer };
		if (answer.result === 'fail' && typeof answer.code === 'number') {
			return { kind: 'fail', code: answer.code, message: answer.message };
		}
	}
	return { kind: 'unreadable', message: `HappyTalk answered HTTP ${status} with JSON that is neither a success nor a fail` };
}
