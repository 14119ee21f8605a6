/**
 * Where requests go, from a credential's environment and that API's hosts. Self-contained on
 * purpose: the credential tests embed this very function in an n8n expression (see
 * `baseUrlExpressionFor`), so the Test button and the node apply one rule. Plain http is refused
 * except on loopback hosts, so secrets never cross a network in clear text. A user name or
 * password in the URL (`https://user:pass@proxy`) is refused, and no refusal repeats what stood
 * before the host: it would reach error messages, logs and run data.
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
	// WHATWG URLs end the authority at "/", "\\", "?" or "#"; user info is what stands before its last "@".
	const parts = /^([a-z][a-z0-9+.-]*:)?(\/\/)?([^/\\?#]*)(.*)$/is.exec(url) ?? [];
	const scheme = (parts[1] ?? '').toLowerCase();
	const authority = parts[3] ?? '';
	const hostPattern = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;
	// Any "@", not only one in the authority: "https://user:123/x@proxy" is a password typed with a "/".
	if (url.includes('@')) {
		const after = authority.slice(authority.lastIndexOf('@') + 1);
		// An "@" after the host too: where the user info ends is anyone's guess, so nothing is shown.
		const plain = authority.includes('@') && !(parts[4] ?? '').includes('@') && hostPattern.test(after);
		const shownHost = plain ? ` "${scheme}//…@${after}"` : ' a value with "@"';
		throw new Error(
			`The credential's Base URL must not contain a user name or password (nothing with "@"): HappyTalk's keys belong in the credential's own fields, and a proxy's in n8n's proxy settings (HTTPS_PROXY); got${shownHost}`,
		);
	}
	const host = hostPattern.test(authority) && parts[2] !== undefined && (scheme === 'https:' || scheme === 'http:');
	const shown = host ? `"${scheme}//${authority}"` : 'a value that is not an address';
	if (!host) {
		throw new Error(
			`The credential's Base URL must start with https:// followed by a host name (plain http:// is only allowed for localhost, 127.x.x.x and [::1]); got ${shown}`,
		);
	}
	if (/[?#]/.test(parts[4] ?? '')) {
		throw new Error(`The credential's Base URL must not contain "?" or "#": give the address and a path only; got ${shown} and more`);
	}
	const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i.test(authority);
	if (scheme !== 'https:' && !loopback) {
		throw new Error(
			`The credential's Base URL must start with https:// (plain http:// is only allowed for localhost, 127.x.x.x and [::1]); got ${shown}`,
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
