'use strict';

/**
 * What the stand-in says when no script step is queued: a polite customer-service model. Offered
 * tools and no tool result yet since the customer's last message: it calls the first tool,
 * putting its reply into the argument that looks like a message and filling the rest from the
 * schema. Once a tool answered, it ends the turn with a short summary of that answer.
 */
const MESSAGE_KEY = /message|text|reply|answer|content|msg/i;

function defaultTurn(conversation) {
	const customerText = lastUserText(conversation);
	const answered = conversation.toolResults.length > 0;
	const tool = conversation.tools[0];
	if (!tool || answered) {
		const last = conversation.toolResults.at(-1);
		return { text: last ? `Done. The tool answered: ${last.output}` : replyTo(customerText) };
	}
	const properties = tool.parameters?.properties ?? {};
	const args = Object.fromEntries(
		Object.entries(properties).map(([key, schema]) => [key, valueFor(key, schema, customerText)]),
	);
	return { toolCalls: [{ name: tool.name, arguments: args }] };
}

function valueFor(key, schema, customerText) {
	const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
	if (type === 'number' || type === 'integer') return 0;
	if (type === 'boolean') return false;
	if (type === 'object') return {};
	return MESSAGE_KEY.test(key) ? replyTo(customerText) : '';
}

function replyTo(customerText) {
	const quoted = customerText.length > 60 ? `${customerText.slice(0, 60)}…` : customerText;
	return `[모델 대역 / model stand-in] 문의 감사합니다. "${quoted}" 건은 상담사가 곧 안내해 드리겠습니다.`;
}

function lastUserText(conversation) {
	const user = conversation.messages.filter((message) => message.role === 'user').at(-1);
	return (user?.content ?? '').trim();
}

module.exports = { defaultTurn };
