import { readAnswer } from '../../nodes/HappyTalk/transport/bizApi/readAnswer';
import { resolveBaseUrl } from '../../nodes/HappyTalk/transport/bizApi/baseUrl';

describe('readAnswer', () => {
	test("HappyTalk's JSON, whatever the status", () => {
		expect(readAnswer(200, '{"code":0,"room_id":"1","message":""}')).toEqual({
			kind: 'happyTalk',
			body: { code: 0, room_id: '1', message: '' },
		});
		expect(readAnswer(401, '{"code":-500,"message":"Authorization"}')).toMatchObject({
			kind: 'happyTalk',
			body: { code: -500 },
		});
	});

	test('explains what is not HappyTalk JSON', () => {
		expect(readAnswer(502, '<html><title>502 Bad Gateway</title></html>')).toMatchObject({
			kind: 'unreadable',
			message: 'HappyTalk answered HTTP 502 with an HTML page instead of JSON ("502 Bad Gateway")',
		});
		expect(readAnswer(200, '')).toMatchObject({ message: 'HappyTalk answered HTTP 200 with an empty body' });
		expect(readAnswer(200, '[1]')).toMatchObject({
			message: 'HappyTalk answered HTTP 200 with JSON that has no numeric "code"',
		});
		expect(readAnswer(302, '', { location: 'https://elsewhere.example' })).toMatchObject({
			message: 'HappyTalk answered with a redirect (HTTP 302) to https://elsewhere.example',
		});
		expect(readAnswer(307, '', { location: 'https://proxyUser:Pa55@elsewhere.example/x' })).toMatchObject({
			message: 'HappyTalk answered with a redirect (HTTP 307) to https://…@elsewhere.example/x',
		});
	});
});

describe('resolveBaseUrl', () => {
	test('the two HappyTalk hosts', () => {
		expect(resolveBaseUrl({ environment: 'production' })).toBe('https://biz-api.happytalk.io');
		expect(resolveBaseUrl({ environment: 'development' })).toBe('https://patch-biz-api.happytalk.io');
	});

	test.each([
		['https://proxy.example.com/', 'https://proxy.example.com'],
		['http://localhost:8787', 'http://localhost:8787'],
		['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
		['http://[::1]:8787', 'http://[::1]:8787'],
	])('custom %s is accepted', (baseUrl, expected) => {
		expect(resolveBaseUrl({ environment: 'custom', baseUrl })).toBe(expected);
	});

	test.each(['http://proxy.example.com', 'http://localhost.evil.com', 'http://127.0.0.1.nip.io', 'ftp://x', '', 'proxy.example.com'])(
		'custom %p is refused',
		(baseUrl) => {
			expect(() => resolveBaseUrl({ environment: 'custom', baseUrl })).toThrow(
				/Base URL must start with https:\/\//,
			);
		},
	);

	// That the credential tests' expression decides as this function does is tested by running it
	// in n8n's expression engine over generated URLs: baseUrl.property.test.ts.
});
