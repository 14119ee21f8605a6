'use strict';

/**
 * A turn of the model (`{ toolCalls: [{ name, arguments }] }` or `{ text }`) in the wire format of
 * OpenAI's Chat Completions and Responses APIs, as one JSON body or as server-sent events.
 */
let counter = 0;
const nextId = (prefix) => `${prefix}_standin_${Date.now().toString(36)}${(counter++).toString(36)}`;
const USAGE_CHAT = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
const USAGE_RESPONSES = { input_tokens: 0, output_tokens: 0, total_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } };

function withCallIds(turn) {
	return {
		text: turn.text,
		toolCalls: (turn.toolCalls ?? []).map((call) => ({
			callId: nextId('call'),
			name: call.name,
			arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
		})),
	};
}

function chatCompletion(turn, model) {
	const { text, toolCalls } = withCallIds(turn);
	const message = toolCalls.length
		? {
				role: 'assistant',
				content: null,
				tool_calls: toolCalls.map((call) => ({
					id: call.callId,
					type: 'function',
					function: { name: call.name, arguments: call.arguments },
				})),
			}
		: { role: 'assistant', content: text ?? '' };
	return {
		id: nextId('chatcmpl'),
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: toolCalls.length ? 'tool_calls' : 'stop', logprobs: null }],
		usage: USAGE_CHAT,
	};
}

/** The same completion as `chat.completion.chunk` events. */
function chatCompletionEvents(turn, model) {
	const completion = chatCompletion(turn, model);
	const { message, finish_reason } = completion.choices[0];
	const chunk = (delta, finishReason = null) => ({
		id: completion.id,
		object: 'chat.completion.chunk',
		created: completion.created,
		model,
		choices: [{ index: 0, delta, finish_reason: finishReason }],
	});
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	return [chunk(delta), { ...chunk({}, finish_reason), usage: USAGE_CHAT }];
}

function response(turn, model) {
	const { text, toolCalls } = withCallIds(turn);
	const output = toolCalls.length
		? toolCalls.map((call) => ({
				type: 'function_call',
				id: nextId('fc'),
				call_id: call.callId,
				name: call.name,
				arguments: call.arguments,
				status: 'completed',
			}))
		: [
				{
					type: 'message',
					id: nextId('msg'),
					role: 'assistant',
					status: 'completed',
					content: [{ type: 'output_text', text: text ?? '', annotations: [] }],
				},
			];
	return {
		id: nextId('resp'),
		object: 'response',
		created_at: Math.floor(Date.now() / 1000),
		status: 'completed',
		model,
		output,
		usage: USAGE_RESPONSES,
		error: null,
		incomplete_details: null,
	};
}

/** The same response as Responses API stream events. */
function responseEvents(turn, model) {
	const done = response(turn, model);
	const events = [{ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } }];
	done.output.forEach((item, index) => {
		if (item.type === 'function_call') {
			events.push({ type: 'response.output_item.added', output_index: index, item: { ...item, arguments: '' } });
			events.push({ type: 'response.function_call_arguments.delta', output_index: index, item_id: item.id, delta: item.arguments });
		} else {
			events.push({ type: 'response.output_item.added', output_index: index, item: { ...item, content: [] } });
			events.push({ type: 'response.output_text.delta', output_index: index, item_id: item.id, content_index: 0, delta: item.content[0].text });
		}
		events.push({ type: 'response.output_item.done', output_index: index, item });
	});
	events.push({ type: 'response.completed', response: done });
	return events.map((event, sequence) => ({ ...event, sequence_number: sequence }));
}

module.exports = { chatCompletion, chatCompletionEvents, response, responseEvents };
