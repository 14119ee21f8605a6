/**
 * The AI Agent tool's "Description" field: one per operation, only on the tool variant, and each
 * literal default (n8n's scanner wants literals) is the text built from the schemas.
 */
import { HappyTalk } from '../../nodes/HappyTalk/HappyTalk.node';
import { resources } from '../../nodes/HappyTalk/actions/registry';
import { toolDescriptions } from '../../nodes/HappyTalk/tool/toolDescriptions';

const fields = new HappyTalk().description.properties.filter((property) => property.name === 'toolDescription');
// Send and Wait for Reply pauses the execution: a tool must answer at once, so it has none.
const operations = resources.flatMap((resource) =>
	Object.entries(resource.operations)
		.filter(([operation]) => operation !== 'sendAndWait')
		.map(([operation]) => [resource.value, operation] as const),
);

test('Send and Wait for Reply has no tool description: as a tool it says it cannot run', () => {
	expect(fields.some((field) => field.displayOptions?.show?.operation?.includes('sendAndWait'))).toBe(false);
	const notice = new HappyTalk().description.properties.find((property) => property.name === 'sendAndWaitToolNotice');
	expect(notice?.displayOptions?.show).toEqual({ '@tool': [true], resource: ['message'], operation: ['sendAndWait'] });
});

test('every operation has a tool description, shown only when the node is an AI Agent tool', () => {
	expect(fields.map((field) => field.displayOptions?.show)).toEqual(
		operations.map(([resource, operation]) => ({ '@tool': [true], resource: [resource], operation: [operation] })),
	);
});

test.each(operations)('%s → %s: the literal default is the text built from the schemas', (resource, operation) => {
	const field = fields.find(
		(candidate) =>
			candidate.displayOptions?.show?.resource?.[0] === resource && candidate.displayOptions?.show?.operation?.[0] === operation,
	);
	expect(field?.default).toBe(toolDescriptions[`${resource}.${operation}`]);
});
