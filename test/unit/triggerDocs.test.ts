/**
 * The HappyTalk Trigger's rules, as the documentation states them in both languages, read from the
 * same constants the node checks: the Path Secret and which uuids a delivery may carry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DELIVERY_UUID_RULE } from '../../nodes/HappyTalkTrigger/deliveryUuid';
import { PATH_SECRET_HINT, PATH_SECRET_RULE } from '../../nodes/HappyTalkTrigger/pathSecret';
import { HappyTalkTrigger } from '../../nodes/HappyTalkTrigger/HappyTalkTrigger.node';

/** A page with its line breaks folded, so that a rule wrapped over two lines still reads as one. */
const page = (name: string) => readFileSync(path.join(__dirname, '../..', name), 'utf8').replace(/\s+/g, ' ');

const secret = PATH_SECRET_RULE;
const uuid = DELIVERY_UUID_RULE;

test('the Path Secret field shows the rule as its hint', () => {
	const field = new HappyTalkTrigger().description.properties.find((property) => property.name === 'pathSecret');
	expect(field?.hint).toBe(PATH_SECRET_HINT);
	expect(PATH_SECRET_HINT).toContain(`${secret.min} to ${secret.max} characters: ${secret.characters}`);
});

test.each(['README.md', 'docs/triggers.md'])('%s states the Path Secret rule', (name) => {
	expect(page(name)).toContain(`${secret.min} to ${secret.max} characters: ${secret.characters}`);
});

test.each(['README.ko.md', 'docs/triggers.ko.md'])('%s states the Path Secret rule', (name) => {
	expect(page(name)).toContain(`${secret.min}~${secret.max}자의 영문자 A-Z와 a-z, 숫자, \`-\`, \`_\``);
});

test('docs/triggers.md and docs/decisions.md state which uuids a delivery may carry', () => {
	expect(page('docs/triggers.md')).toContain(`${uuid.min} to ${uuid.max} characters: ${uuid.text}`);
	expect(page('docs/decisions.md')).toContain(`${uuid.min} to ${uuid.max} characters: ${uuid.text}`);
});

test('docs/triggers.ko.md and docs/decisions.ko.md state which uuids a delivery may carry', () => {
	const words = `${uuid.min}~${uuid.max}자, 문자, 숫자, ${uuid.text.replace(/^letters, digits and /, '')}`;
	expect(page('docs/triggers.ko.md')).toContain(words);
	expect(page('docs/decisions.ko.md')).toContain(words);
});
