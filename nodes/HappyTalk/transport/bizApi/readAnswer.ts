import type { IDataObject } from 'n8n-workflow';

export type Answer =
	| { kind: 'happyTalk'; body: IDataObject & { code: number } }
	| { kind: 'unreadable'; message: string; description: string };

/** Makes sense of whatever came back: HappyTalk's JSON, or an explanation of why it is not. */
export function readAnswer(
	status: number,
	body: unknown,
	headers: Record<string, unknown> = {},
): Answer {
	const text = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
	if (status >= 300 && status <= 399) {
		return unreadable(
			// A user name or password in the address is dropped: errors reach logs and run data.
			`HappyTalk answered with a redirect (HTTP ${status}) to ${String(headers.location ?? 'an unknown address').replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1…@')}`,
			'The Biz API does not redirect: check the environment or Base URL in the credential.',
		);
	}
	if (text.trim() === '') {
		return unreadable(
			`HappyTalk answered HTTP ${status} with an empty body`,
			'HappyTalk always answers with JSON; an empty answer usually comes from a proxy or an outage.',
		);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		const looksHtml = /^\s*</.test(text);
		return unreadable(
			looksHtml
				? `HappyTalk answered HTTP ${status} with an HTML page instead of JSON${pageTitle(text)}`
				: `HappyTalk answered HTTP ${status} with a body that is not JSON: "${text.trim().slice(0, 80)}"`,
			looksHtml
				? 'An HTML page usually comes from a gateway or proxy (outage, maintenance) or a wrong Base URL.'
				: 'The answer did not come from the Biz API as documented.',
		);
	}
	if (
		typeof parsed !== 'object' ||
		parsed === null ||
		Array.isArray(parsed) ||
		typeof (parsed as IDataObject).code !== 'number'
	) {
		return unreadable(
			`HappyTalk answered HTTP ${status} with JSON that has no numeric "code"`,
			'The answer did not come from the Biz API as documented: check the Base URL in the credential.',
		);
	}
	return { kind: 'happyTalk', body: parsed as IDataObject & { code: number } };
}

function unreadable(message: string, description: string): Answer {
	return { kind: 'unreadable', message, description };
}

function pageTitle(html: string): string {
	const title = /<title[^>]*>([^<]{1,100})<\/title>/i.exec(html)?.[1]?.trim();
	return title ? ` ("${title}")` : '';
}
