/**
 * n8n's scanner wants literal `default`s in node descriptions, while the options schema is the one
 * source of truth for them: this holds every literal to the schema's default.
 */
import type { INodeProperties } from 'n8n-workflow';

import { HappyTalk } from '../../nodes/HappyTalk/HappyTalk.node';
import { requestOptions } from '../../nodes/HappyTalk/shared/options.schema';
import { HappyTalkHistoryTrigger } from '../../nodes/HappyTalkHistoryTrigger/HappyTalkHistoryTrigger.node';
import { triggerOptions } from '../../nodes/HappyTalkHistoryTrigger/trigger.schema';

const schemaDefaults = requestOptions.parse({}) as Record<string, unknown>;

const optionFields = new HappyTalk().description.properties
	.filter((property) => property.name === 'options' && property.type === 'collection')
	.flatMap((collection) => (collection.options ?? []) as INodeProperties[])
	.filter((option) => option.name in schemaDefaults && schemaDefaults[option.name] !== undefined);

test('every request option with a schema default appears in the node', () => {
	const names = new Set(optionFields.map((option) => option.name));
	const expected = Object.keys(schemaDefaults).filter((name) => schemaDefaults[name] !== undefined);
	expect([...names].sort()).toEqual(expected.sort());
});

test.each(optionFields.map((option) => [option.name, option] as const))(
	'option %s: the description default is the schema default',
	(_name, option) => {
		expect(option.default).toEqual(schemaDefaults[option.name]);
	},
);

test.each(
	(new HappyTalkHistoryTrigger().description.properties.find((property) => property.name === 'options')?.options ?? []) as INodeProperties[],
)('Counseling Trigger option $name: the description default is the schema default', (option) => {
	expect(option.default).toEqual((triggerOptions.parse({}) as Record<string, unknown>)[option.name]);
});
