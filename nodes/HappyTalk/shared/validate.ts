import type { ZodType, ZodTypeDef } from 'zod/v3';
import { NodeOperationError, type INode } from 'n8n-workflow';

type FieldNames = Record<string, { parameter: string; label: string }>;

/**
 * Checks one item's request body against its schema. On failure nothing is sent: the error names
 * the item, the field as the user sees it, the limit and what was found.
 */
export function parseRequestBody<T>(
	schema: ZodType<T, ZodTypeDef, unknown>,
	body: unknown,
	fields: FieldNames,
	node: INode,
	itemIndex: number,
): T {
	const result = schema.safeParse(body);
	if (result.success) return result.data;

	const problems = result.error.issues.map((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return `Unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
		}
		const key = String(issue.path[0] ?? '');
		const field = fields[key];
		const name = field ? `"${field.label}" (${field.parameter})` : `Field "${key}"`;
		return `${name} ${issue.message}`;
	});
	return failValidation(node, itemIndex, problems);
}

function failValidation(node: INode, itemIndex: number, problems: string[]): never {
	const more =
		problems.length > 1 ? ` All problems in this item:\n- ${problems.join('\n- ')}` : '';
	throw new NodeOperationError(node, `Item ${itemIndex}: ${problems[0]}`, {
		itemIndex,
		description: `Nothing was sent for this item.${more}`,
	});
}
