/**
 * The SSRF guard for attachment URLs, which come in a posted body and are attacker-chosen when a
 * trigger has no Path Secret: loopback, private, link-local and "this network" addresses written
 * as literals, and `localhost`, are refused. It reads what the URL says, not what a name resolves
 * to: names that resolve to such addresses are n8n's SSRF protection's job (see the docs). Plain
 * code on purpose: community nodes may not import `node:net`.
 */
export function blockedAddressReason(url: URL): string | undefined {
	const host = url.hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
	// The WHATWG parser writes every IPv4 spelling (2130706433, 0x7f.1, 127.1) as a dotted quad.
	const v4 = parseIpv4(host);
	if (v4) return ipv4Reason(v4);
	if (host.startsWith('[') && host.endsWith(']')) {
		const groups = parseIpv6(host.slice(1, -1));
		return groups ? ipv6Reason(groups) : 'an unreadable IPv6 address';
	}
	return undefined;
}

function parseIpv4(host: string): number[] | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (!match) return undefined;
	const bytes = match.slice(1).map(Number);
	return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function ipv4Reason([a, b]: number[]): string | undefined {
	if (a === 127) return 'a loopback address';
	if (a === 0) return 'a "this network" address';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
	if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
	if (a === 169 && b === 254) return 'a link-local address';
	if (a >= 224) return 'a multicast or reserved address';
	return undefined;
}

/** Eight 16-bit groups, or undefined. The URL parser has already compressed and lower-cased it. */
function parseIpv6(text: string): number[] | undefined {
	let body = text;
	const tail: number[] = [];
	const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
	if (dotted) {
		const v4 = parseIpv4(dotted[2]);
		if (!v4) return undefined;
		body = `${dotted[1]}0:0`;
		tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
	}
	const halves = body.split('::');
	if (halves.length > 2) return undefined;
	const read = (part: string) => (part === '' ? [] : part.split(':').map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN)));
	const head = read(halves[0]);
	const rest = halves.length === 2 ? read(halves[1]) : [];
	const missing = 8 - head.length - rest.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
	if (groups.some(Number.isNaN)) return undefined;
	if (tail.length) groups.splice(6, 2, ...tail);
	return groups;
}

function ipv6Reason(groups: number[]): string | undefined {
	const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
	if (zeroUpTo(7) && groups[7] === 1) return 'a loopback address';
	if (zeroUpTo(8)) return 'the unspecified address';
	// IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses carry an IPv4 address.
	if (zeroUpTo(5) && (groups[5] === 0xffff || groups[5] === 0)) {
		return ipv4Reason([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]);
	}
	if ((groups[0] & 0xfe00) === 0xfc00) return 'a private (unique local) address';
	if ((groups[0] & 0xffc0) === 0xfe80) return 'a link-local address';
	if ((groups[0] & 0xff00) === 0xff00) return 'a multicast address';
	return undefined;
}
