/**
 * Where requests go, from the credential's environment. Self-contained on purpose: the credential
 * test embeds this very function in an n8n expression (see `baseUrlExpression`), so the Test
 * button and the node apply one rule. Plain http is refused except on loopback hosts, so the
 * Client Secret never crosses a network in clear text.
 */
export function resolveBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	const hosts: Record<string, string> = {
		production: 'https://biz-api.happytalk.io',
		development: 'https://patch-biz-api.happytalk.io',
	};
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
 * The same rule as an n8n expression over `$credentials`, for the declarative credential test.
 * When the rule refuses a URL, n8n's expression engine yields no value, so the test request
 * cannot be made at all (the Test button reports an invalid URL) and the secret stays home.
 */
export const baseUrlExpression = `={{ (${resolveBaseUrl.toString()})($credentials) }}`;

export const HAPPYTALK_HOSTS = {
	production: resolveBaseUrl({ environment: 'production' }),
	development: resolveBaseUrl({ environment: 'development' }),
};
