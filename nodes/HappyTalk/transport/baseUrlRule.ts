/**
 * Where requests go, from a credential's environment and that API's hosts. Self-contained on
 * purpose: the credential tests embed this very function in an n8n expression (see
 * `baseUrlExpressionFor`), so the Test button and the node apply one rule. Plain http is refused
 * except on loopback hosts, so secrets never cross a network in clear text.
 */
export function resolveBaseUrlFor(
	credentials: { environment?: unknown; baseUrl?: unknown },
	hosts: Record<string, string>,
): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment !== 'custom') {
		if (!hosts[environment]) throw new Error(`Unknown HappyTalk environment "${environment}"`);
		return hosts[environment];
	}
	const url = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	const secure = /^https:\/\/[^/\s]+/i.test(url);
	const loopback = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i.test(url);
	if (!secure && !loopback) {
		throw new Error(
			`The credential's Base URL must start with https:// (plain http:// is only allowed for localhost, 127.x.x.x and [::1]); got "${url.slice(0, 80)}"`,
		);
	}
	return url;
}

/**
 * The same rule as an n8n expression over `$credentials`, for a declarative credential test.
 * When the rule refuses a URL, n8n's expression engine yields no value, so the test request
 * cannot be made at all (the Test button reports an invalid URL) and the secret stays home.
 */
export function baseUrlExpressionFor(hosts: Record<string, string>): string {
	return `={{ (${resolveBaseUrlFor.toString()})($credentials, ${JSON.stringify(hosts)}) }}`;
}
