import {
	MESSAGE_TYPES,
	sendMessageBody,
	sendMessageFields,
} from '../../nodes/HappyTalk/actions/message/send/schema';
import { countCharacters, describeLength } from '../../nodes/HappyTalk/shared/text';

const text = { uuid: 'customer_01', room_id: '42', type: 'text', msg: 'hi' };
const image = { uuid: 'customer_01', room_id: '42', type: 'image', url: 'https://x.io/a.png' };

const issues = (body: unknown) => {
	const result = sendMessageBody.safeParse(body);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('countCharacters', () => {
	test('counts code points: Korean syllables and emoji are one each', () => {
		expect(countCharacters('한글')).toBe(2);
		expect(countCharacters('😀')).toBe(1);
		expect('😀'.length).toBe(2);
		expect(countCharacters('a😀가')).toBe(3);
	});
});

describe('sendMessageBody', () => {
	test('accepts the spec examples unchanged', () => {
		expect(sendMessageBody.parse(text)).toEqual(text);
		expect(sendMessageBody.parse(image)).toEqual(image);
	});

	test.each(Object.entries(sendMessageFields))('%s: min and max are inclusive', (wire, spec) => {
		const base = wire === 'url' ? image : text;
		const value = (n: number) => (wire === 'url' ? `https://x.io/${'a'.repeat(n - 13)}` : 'a'.repeat(n));
		const min = Math.max(spec.min, wire === 'url' ? 14 : spec.min);
		expect(issues({ ...base, [wire]: value(min) })).toEqual([]);
		expect(issues({ ...base, [wire]: value(spec.max) })).toEqual([]);
		expect(issues({ ...base, [wire]: value(spec.max + 1) })).toEqual([
			`${wire}: must be ${describeLength(spec)} long; got ${spec.max + 1} characters`,
		]);
		if (wire !== 'url' && spec.min > 1) {
			expect(issues({ ...base, [wire]: value(spec.min - 1) })).toEqual([
				`${wire}: must be ${describeLength(spec)} long; got ${spec.min - 1} characters`,
			]);
		}
	});

	test('msg only for text, url only for the others', () => {
		expect(issues({ ...text, url: 'https://x.io/a.png' })).toEqual([
			": Unrecognized key(s) in object: 'url'",
		]);
		expect(issues({ ...image, msg: 'hi' })).toEqual([": Unrecognized key(s) in object: 'msg'"]);
		expect(issues({ ...image, url: undefined })).toEqual(['url: is required']);
	});

	test('type must be one of the four', () => {
		expect(MESSAGE_TYPES.map((t) => t.value)).toEqual(['text', 'image', 'video', 'audio']);
		expect(issues({ ...text, type: 'sticker' })).toEqual([
			'type: must be one of text, image, video, audio; got "sticker"',
		]);
	});

	test('urls must be absolute http(s)', () => {
		expect(issues({ ...image, url: 'www.x.io/a.png' })).toEqual([
			'url: must be a full URL starting with http:// or https://',
		]);
		expect(issues({ ...image, url: 'javascript:alert(1)' })).toEqual([
			'url: must start with http:// or https://; got a javascript: URL',
		]);
	});

	test('non-text values are refused', () => {
		expect(issues({ ...text, room_id: true })).toEqual(['room_id: must be text']);
		expect(issues({ ...text, room_id: 1.5 })).toEqual([
			`room_id: must be text; got the number 1.5 (whole numbers up to ${Number.MAX_SAFE_INTEGER} become text by themselves; pass any other number as text)`,
		]);
	});
});
