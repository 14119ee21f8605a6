import type { INode } from 'n8n-workflow';

/**
 * Whether this run is an AI Agent's tool call. n8n adds a tool variant of every `usableAsTool`
 * node under the node's name plus "Tool" (`n8n-nodes-happytalk.happyTalkTool`), and that variant
 * only ever runs for an agent: AI Agent 2.x calls it in-process, 3.x through the workflow engine,
 * both with the node's own type. Read from the type, it holds in every n8n version.
 */
export function runsAsTool(node: INode): boolean {
	return node.type.split('.').pop()?.endsWith('Tool') === true;
}
