import type { OperationDescription } from './operation';

/**
 * The canvas subtitle: the chosen operation's action ("Open a room"), not its internal values
 * ("open: room"). An n8n expression over a literal table built from the resources; written with
 * spaces between braces, since "}}" inside would end the expression early.
 */
export function subtitleExpression(
	resources: Array<{ value: string; operations: Record<string, OperationDescription> }>,
): string {
	const table = resources
		.map((resource) => {
			const actions = Object.values(resource.operations)
				.map(({ option }) => `${JSON.stringify(option.value)}: ${JSON.stringify(option.action)}`)
				.join(', ');
			return `${JSON.stringify(resource.value)}: { ${actions} }`;
		})
		.join(', ');
	return `={{ (({ ${table} })[$parameter["resource"]] || {})[$parameter["operation"]] || "" }}`;
}
