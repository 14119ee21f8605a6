import { parseIncomingMessage } from '../../nodes/HappyTalkTrigger/incomingMessage';

const text = { uuid: 'customer_01', room_id: '100001', type: 'text', msgid: 'm-1', content: '안녕하세요', image: '', auto_end: 'N' };

describe('parseIncomingMessage (V1 payload)', () => {
	test('a text message', () => {
		expect(parseIncomingMessage('customer_01', text)).toEqual({
			ok: true,
			message: {
				uuid: 'customer_01',
				roomId: '100001',
				type: 'text',
				msgId: 'm-1',
				text: '안녕하세요',
				autoEnd: false,
				raw: text,
			},
		});
	});

	test('an image, numeric ids, auto-ended room', () => {
		const body = { room_id: 100001, type: 'image', msgid: 77, content: '', image: { url: 'https://x.io/a.png', width: 640, height: '480' }, auto_end: 'Y' };
		const result = parseIncomingMessage('customer_01', body);
		expect(result).toMatchObject({
			ok: true,
			message: { roomId: '100001', msgId: '77', text: '', image: { url: 'https://x.io/a.png', width: 640, height: 480 }, autoEnd: true },
		});
	});

	test('a file', () => {
		const body = { ...text, type: 'file', content: { text: '견적서입니다', link: { name: 'quote.pdf', url: 'https://x.io/quote.pdf' } } };
		expect(parseIncomingMessage('customer_01', body)).toMatchObject({
			ok: true,
			message: { type: 'file', text: '견적서입니다', file: { name: 'quote.pdf', url: 'https://x.io/quote.pdf' } },
		});
	});

	test.each([
		['no uuid in the path', undefined, text, /path must end with \/message\/\{uuid\}/],
		['a uuid with other characters', 'a b', text, /path must end/],
		['not an object', 'customer_01', 'hello', /body: Expected object/],
		['no room', 'customer_01', { ...text, room_id: undefined }, /^room_id: is required/],
		['no message id', 'customer_01', { ...text, msgid: undefined }, /^msgid: is required/],
		['a bad auto_end', 'customer_01', { ...text, auto_end: 'yes' }, /^auto_end: /],
		['another uuid in the body', 'customer_02', text, /differs from the uuid in the path/],
	])('refuses %s', (_name, uuid, body, problem) => {
		const result = parseIncomingMessage(uuid, body);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.problem).toMatch(problem);
	});
});
