/**
 * HTTP statuses that no retry can change, when the answer is not HappyTalk's JSON but a page from
 * whatever answered at that address (a web server, a proxy, a firewall). Both APIs answer their
 * own failures in JSON, so such a page means the request never reached them.
 */
const PERMANENT: Readonly<Record<number, string>> = {
	400: 'refused the request as malformed',
	401: 'asked for authentication that HappyTalk never uses',
	403: 'refused access',
	404: 'has nothing at this path',
	405: 'does not take POST at this path',
	410: 'has nothing at this path any more',
	501: 'does not implement this path',
};

/** A refusal that is final, in words; undefined when the status may pass (429, 5xx, …). */
export function permanentPage(
	status: number,
	answerText: string,
	credentialName: string,
): { message: string; description: string } | undefined {
	const what = PERMANENT[status] ?? (status >= 300 && status <= 399 ? 'redirects elsewhere' : undefined);
	if (what === undefined) return undefined;
	return {
		message: `${answerText}: the server at the Base URL ${what}, so nothing reached HappyTalk`,
		description: `Not retried, since trying again cannot help. Check the environment or Base URL in the ${credentialName} credential (a wrong host, or a path in front of the API), or a proxy or firewall between n8n and HappyTalk.`,
	};
}
