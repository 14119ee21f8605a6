'use strict';

/**
 * What a model is asked, the same for OpenAI's Chat Completions and Responses APIs: the tools it
 * is offered (name, description, JSON schema of the arguments), the messages, and the results of
 * tool calls it made earlier, in order. `turnToolResults` are the results since the last user
 * message: with a chat memory, the request also carries earlier turns and their tool results.
 */
function fromChatCompletions(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const toolResultOf = (message) => ({ callId: message.tool_call_id, output: textOf(message.content) });
	return {
		api: 'chat.completions',
		model: body.model,
		stream: body.stream === true,
		tools: (Array.isArray(body.tools) ? body.tools : [])
			.filter((tool) => tool.type === 'function' && tool.function)
			.map(({ function: fn }) => ({ name: fn.name, description: fn.description ?? '', parameters: fn.parameters ?? {} })),
		messages: messages
			.filter((message) => message.role !== 'tool')
			.map((message) => ({ role: message.role, content: textOf(message.content) })),
		toolCalls: messages.flatMap((message) =>
			(message.tool_calls ?? []).map((call) => ({
				callId: call.id,
				name: call.function?.name,
				arguments: parseArguments(call.function?.arguments),
			})),
		),
		toolResults: messages.filter((message) => message.role === 'tool').map(toolResultOf),
		turnToolResults: afterLastUser(messages, (message) => message.role === 'user')
			.filter((message) => message.role === 'tool')
			.map(toolResultOf),
	};
}

function fromResponses(body) {
	const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : (body.input ?? []);
	const instructions = typeof body.instructions === 'string' ? [{ role: 'system', content: body.instructions }] : [];
	const isToolResult = (item) => item.type === 'function_call_output';
	const toolResultOf = (item) => ({ callId: item.call_id, output: textOf(item.output) });
	return {
		api: 'responses',
		model: body.model,
		stream: body.stream === true,
		tools: (Array.isArray(body.tools) ? body.tools : [])
			.filter((tool) => tool.type === 'function')
			.map((tool) => ({ name: tool.name, description: tool.description ?? '', parameters: tool.parameters ?? {} })),
		messages: [
			...instructions,
			...input
				.filter((item) => item.role !== undefined && (item.type === undefined || item.type === 'message'))
				.map((item) => ({ role: item.role, content: textOf(item.content) })),
		],
		toolCalls: input
			.filter((item) => item.type === 'function_call')
			.map((item) => ({ callId: item.call_id, name: item.name, arguments: parseArguments(item.arguments) })),
		toolResults: input.filter(isToolResult).map(toolResultOf),
		turnToolResults: afterLastUser(input, (item) => item.role === 'user').filter(isToolResult).map(toolResultOf),
	};
}

function afterLastUser(list, isUser) {
	const last = list.findLastIndex(isUser);
	return list.slice(last + 1);
}

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('');
	}
	return content == null ? '' : JSON.stringify(content);
}

function parseArguments(text) {
	try {
		return JSON.parse(text || '{}');
	} catch {
		return text;
	}
}

module.exports = { fromChatCompletions, fromResponses };
