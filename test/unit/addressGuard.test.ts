/**
 * The SSRF guard for attachment URLs over generated addresses, each written every way a URL can
 * spell it (the WHATWG parser's job, which the guard relies on): loopback, private, link-local and
 * "this network" addresses and `localhost` are refused, public ones pass.
 */
import { fc, test } from '@fast-check/jest';

import { blockedAddressReason } from '../../nodes/HappyTalk/shared/attachments/addressGuard';

const verdict = (host: string) => blockedAddressReason(new URL(`http://${host}/file.png`));

/** [first byte, second byte range] of the blocked IPv4 ranges. */
const BLOCKED_V4: Array<[number, number, number]> = [
	[127, 0, 255],
	[10, 0, 255],
	[172, 16, 31],
	[192, 168, 168],
	[169, 254, 254],
	[0, 0, 255],
	[100, 64, 127],
];
const byte = fc.integer({ min: 0, max: 255 });
const blockedV4 = fc
	.constantFrom(...BLOCKED_V4)
	.chain(([a, low, high]) => fc.tuple(fc.constant(a), fc.integer({ min: low, max: high }), byte, byte));
const isBlocked = ([a, b]: number[]) => BLOCKED_V4.some(([first, low, high]) => a === first && b >= low && b <= high) || a >= 224;
const publicV4 = fc.tuple(byte, byte, byte, byte).filter((bytes) => !isBlocked(bytes));

/** The spellings of one IPv4 address a URL accepts. */
const spellings = ([a, b, c, d]: number[]) => [
	`${a}.${b}.${c}.${d}`,
	String(((a << 24) >>> 0) + (b << 16) + (c << 8) + d),
	`0x${a.toString(16)}.${b}.${c}.${d}`,
	`${a}.${b}.${(c << 8) + d}`,
	`[::ffff:${a}.${b}.${c}.${d}]`,
	`[::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`,
];

test.prop([blockedV4])('a blocked IPv4 address is refused however it is written', (bytes) => {
	for (const spelling of spellings(bytes)) expect(verdict(spelling)).toBeDefined();
});

test.prop([publicV4])('a public IPv4 address passes however it is written', (bytes) => {
	for (const spelling of spellings(bytes)) expect(verdict(spelling)).toBeUndefined();
});

const group = fc.integer({ min: 0, max: 0xffff }).map((value) => value.toString(16));
test.prop([fc.integer({ min: 0xfc00, max: 0xfdff }), fc.integer({ min: 0xfe80, max: 0xfebf }), fc.array(group, { minLength: 7, maxLength: 7 })])(
	'IPv6 unique-local (fc00::/7) and link-local (fe80::/10) addresses are refused',
	(uniqueLocal, linkLocal, rest) => {
		expect(verdict(`[${uniqueLocal.toString(16)}:${rest.join(':')}]`)).toBe('a private (unique local) address');
		expect(verdict(`[${linkLocal.toString(16)}:${rest.join(':')}]`)).toBe('a link-local address');
	},
);

test.prop([fc.integer({ min: 0x2000, max: 0x3fff }), fc.array(group, { minLength: 7, maxLength: 7 })])(
	'global IPv6 addresses pass',
	(first, rest) => {
		expect(verdict(`[${first.toString(16)}:${rest.join(':')}]`)).toBeUndefined();
	},
);

test.each([
	['localhost', 'localhost'],
	['LOCALHOST.', 'localhost'],
	['files.localhost', 'localhost'],
	['[::1]', 'a loopback address'],
	['[0:0:0:0:0:0:0:1]', 'a loopback address'],
	['[::]', 'the unspecified address'],
	['127.1', 'a loopback address'],
	['2130706433', 'a loopback address'],
	['0', 'a "this network" address'],
	['169.254.169.254', 'a link-local address'],
])('%s is refused as %s', (host, reason) => {
	expect(verdict(host)).toBe(reason);
});

test.each(['cdn.happytalk.io', 'happytalk.io', '8.8.8.8', 'localhost.example.com', '[2606:4700::1111]'])('%s passes', (host) => {
	expect(verdict(host)).toBeUndefined();
});
