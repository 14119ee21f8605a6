import { parseIncomingMessage } from '../../nodes/HappyTalkTrigger/incomingMessage';

const text = { uuid: 'customer_01', room_id: '100001', type: 'text', msgid: 'm-1', content: '안녕하세요', image: '', auto_end: 'N' };
const templateContent = {
	type: 'TEXT',
	message: '주문하신 상품이 출발했습니다',
	isLocked: false,
	buttonList: [
		{ type: 'WEB_LINK', name: '배송 조회', pcUrl: 'https://x.io/pc', mobileUrl: 'https://x.io/m' },
		{ type: 'TEXT', name: '상담원 연결' },
	],
};

describe('parseIncomingMessage: V1, the documented payload', () => {
	test('a text message', () => {
		expect(parseIncomingMessage('customer_01', text)).toEqual({
			ok: true,
			message: {
				uuid: 'customer_01',
				uuidValid: true,
				roomId: '100001',
				type: 'text',
				msgId: 'm-1',
				text: '안녕하세요',
				autoEnd: false,
				layout: 'v1',
				layoutRecognized: true,
				raw: text,
			},
		});
	});

	test('an image, numeric ids, auto-ended room', () => {
		const body = { room_id: 100001, type: 'image', msgid: 77, content: '', image: { url: 'https://x.io/a.png', width: 640, height: '480' }, auto_end: 'Y' };
		expect(parseIncomingMessage('customer_01', body)).toMatchObject({
			ok: true,
			message: { roomId: '100001', msgId: '77', text: '', image: { url: 'https://x.io/a.png', width: 640, height: 480 }, autoEnd: true, layout: 'v1' },
		});
	});

	test('a file', () => {
		const body = { ...text, type: 'file', content: { text: '견적서입니다', link: { name: 'quote.pdf', url: 'https://x.io/quote.pdf' } } };
		expect(parseIncomingMessage('customer_01', body)).toMatchObject({
			ok: true,
			message: { type: 'file', text: '견적서입니다', file: { name: 'quote.pdf', url: 'https://x.io/quote.pdf' }, layout: 'v1' },
		});
	});

	test('a text that only looks like a template stays text', () => {
		const body = { ...text, content: JSON.stringify(templateContent) };
		expect(parseIncomingMessage('customer_01', body)).toMatchObject({
			ok: true,
			message: { layout: 'v1', type: 'text', text: JSON.stringify(templateContent) },
		});
	});

	test('a JSON body that n8n left as text (text/plain, or no Content-Type) is read', () => {
		expect(parseIncomingMessage('customer_01', JSON.stringify(text))).toMatchObject({ ok: true, message: { layout: 'v1', text: '안녕하세요' } });
		expect(parseIncomingMessage('customer_01', undefined, JSON.stringify(text))).toMatchObject({ ok: true, message: { layout: 'v1' } });
	});
});

describe('parseIncomingMessage: template content (V2)', () => {
	test.each([
		['as a JSON string', JSON.stringify(templateContent)],
		['as an object', templateContent],
	])('decoded into text and buttons, %s', (_how, content) => {
		const body = { uuid: 'customer_01', room_id: '100001', type: 'template', msgid: 'm-2', content };
		expect(parseIncomingMessage('customer_01', body)).toEqual({
			ok: true,
			message: {
				uuid: 'customer_01',
				uuidValid: true,
				roomId: '100001',
				type: 'template',
				msgId: 'm-2',
				text: '주문하신 상품이 출발했습니다',
				buttons: [
					{ type: 'WEB_LINK', name: '배송 조회', url: 'https://x.io/m', pcUrl: 'https://x.io/pc', mobileUrl: 'https://x.io/m' },
					{ type: 'TEXT', name: '상담원 연결' },
				],
				templateType: 'TEXT',
				locked: false,
				autoEnd: false,
				layout: 'template',
				layoutRecognized: true,
				raw: body,
			},
		});
	});

	test('under the counsel-history names (contents_type, contents, id-less)', () => {
		const body = { room_id: 100001, contents_type: 'template', contents: JSON.stringify(templateContent) };
		expect(parseIncomingMessage('customer_01', body)).toMatchObject({
			ok: true,
			message: { roomId: '100001', msgId: '', type: 'template', text: templateContent.message, layout: 'template', layoutRecognized: true },
		});
	});
});

describe('parseIncomingMessage: an unknown layout still becomes an item', () => {
	test.each([
		['renamed fields', { roomId: 'R-9', messageId: 'x1', message_type: 'text', message: 'hello' }, { roomId: 'R-9', msgId: 'x1', type: 'text', text: 'hello' }],
		['no room', { ...text, room_id: undefined }, { roomId: '', msgId: 'm-1', text: '안녕하세요', layoutProblem: 'room_id: is required' }],
		['no message id', { ...text, msgid: undefined }, { roomId: '100001', msgId: '', layoutProblem: 'msgid: is required' }],
		['a new auto_end value', { ...text, auto_end: 'yes' }, { roomId: '100001', layoutProblem: expect.stringMatching(/^auto_end: /) }],
		['another uuid in the body', { ...text, uuid: 'customer_02' }, { uuid: 'customer_01', layoutProblem: expect.stringMatching(/differs from the uuid in the path/) }],
		['an empty object', {}, { roomId: '', msgId: '', type: '', text: '' }],
	])('%s', (_name, body, expected) => {
		const result = parseIncomingMessage('customer_01', body);
		expect(result).toMatchObject({ ok: true, message: { ...expected, layout: 'unknown', layoutRecognized: false, raw: body } });
	});
});

describe('parseIncomingMessage: what cannot be a delivery is refused', () => {
	test.each([
		['no uuid in the path', undefined, text, /path must end with \/message\/\{uuid\}/],
		['a uuid with a space', 'customer 01', text, /letters, digits and _ \. ~ @ \+ -/],
		['a uuid with a slash (encoded)', 'customer/01', text, /1 to 128 characters/],
		['a uuid with a percent sign', 'customer%2001', text, /1 to 128 characters/],
		['a uuid of 129 characters', 'c'.repeat(129), text, /1 to 128 characters/],
		['a JSON array', 'customer_01', [text], /JSON but not an object/],
		['plain text', 'customer_01', 'hello', /not JSON/],
		['nothing', 'customer_01', undefined, /empty/],
	])('%s', (_name, uuid, body, problem) => {
		const result = parseIncomingMessage(uuid, body);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.problem).toMatch(problem);
	});

	test.each(['Cust_', 'A'.repeat(20), '1000225570_testuser'])('the uuid %s passes, valid for the Biz API', (uuid) => {
		expect(parseIncomingMessage(uuid, { ...text, uuid })).toMatchObject({ ok: true, message: { uuid, uuidValid: true, layout: 'v1' } });
	});

	test.each(['abc', 'customer-01', 'c'.repeat(21), '홍길동_01', 'kim@corp.example', '1'])(
		'the uuid %s is taken, marked as not valid for the Biz API',
		(uuid) => {
			expect(parseIncomingMessage(uuid, { ...text, uuid })).toMatchObject({ ok: true, message: { uuid, uuidValid: false, layout: 'v1' } });
		},
	);
});
