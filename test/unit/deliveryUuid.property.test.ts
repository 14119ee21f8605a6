/**
 * Generated uuids in a delivery's path: every id HappyTalk's webhook spec allows (letters, digits,
 * `_`) of any length an id can have is taken, `uuidValid` exactly when the Biz API's rule holds;
 * what cannot be an id is refused.
 */
import { fc, test } from '@fast-check/jest';

import { isCustomerUuid } from '../../nodes/HappyTalk/shared/fields';
import { parseIncomingMessage } from '../../nodes/HappyTalkTrigger/incomingMessage';

const body = { room_id: '100001', type: 'text', msgid: 'm-1', content: 'hi' };
const specCharacters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_');
const specUuid = fc.string({ unit: specCharacters, minLength: 1, maxLength: 128 });
const bizApiUuid = fc.string({ unit: specCharacters, minLength: 5, maxLength: 20 });

test.prop([specUuid])('every uuid of letters, digits and _ is taken, valid exactly under the Biz API rule', (uuid) => {
	const result = parseIncomingMessage(uuid, { ...body, uuid });
	expect(result).toMatchObject({ ok: true, message: { uuid, uuidValid: isCustomerUuid(uuid), layout: 'v1' } });
	const lengthOk = uuid.length >= 5 && uuid.length <= 20;
	expect(result.ok && result.message.uuidValid).toBe(lengthOk);
});

test.prop([bizApiUuid])('every uuid the Biz API takes is valid', (uuid) => {
	expect(parseIncomingMessage(uuid, body)).toMatchObject({ ok: true, message: { uuid, uuidValid: true } });
});

const breaking = fc.constantFrom(' ', '\t', '\n', '/', '?', '#', '%', '"', '<', '\u0000', '\u007f', ':', '\\');
test.prop([specUuid, breaking, fc.nat()])('an id with a character no id or URL has is refused', (uuid, character, at) => {
	const position = at % (uuid.length + 1);
	const broken = uuid.slice(0, position) + character + uuid.slice(position);
	expect(parseIncomingMessage(broken, body)).toMatchObject({ ok: false, problem: expect.stringMatching(/\/message\/\{uuid\}/) });
});

test.prop([fc.string({ unit: specCharacters, minLength: 129, maxLength: 400 })])('an id longer than 128 characters is refused', (uuid) => {
	expect(parseIncomingMessage(uuid, body).ok).toBe(false);
});
