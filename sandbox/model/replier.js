'use strict';

/**
 * What the stand-in says when no script step is queued: a polite customer-service model. Offered
 * tools and no tool result yet since the customer's last message: it calls a tool, putting its
 * reply into the argument that looks like a message and filling the rest from the schema. It
 * picks the tool the way a model reads the descriptions: a customer who asks for a person gets the
 * tool whose description says it hands the chat to a human counselor; anyone else the first tool
 * that takes a message. Its reply quotes the customer, and the customer's previous message when
 * the request carries earlier turns (a chat memory). Once a tool answered, it ends the turn with a
 * short summary of that answer.
 */
const MESSAGE_KEY = /message|text|reply|answer|content|msg/i;
const WANTS_A_PERSON = /상담사|상담원|사람|counsel+or|human|person/i;
const HANDS_TO_A_PERSON = /human counsel+or/i;

function defaultTurn(conversation) {
	const [customerText, previousText] = userTexts(conversation);
	const answered = (conversation.turnToolResults ?? conversation.toolResults).length > 0;
	const tool = pickTool(conversation.tools, customerText);
	if (!tool || answered) {
		const last = conversation.toolResults.at(-1);
		return { text: answered ? `Done. The tool answered: ${last.output}` : replyTo(customerText, previousText) };
	}
	const properties = tool.parameters?.properties ?? {};
	const args = Object.fromEntries(
		Object.entries(properties).map(([key, schema]) => [key, valueFor(key, schema, replyTo(customerText, previousText))]),
	);
	return { toolCalls: [{ name: tool.name, arguments: args }] };
}

function pickTool(tools, customerText) {
	const firstSentence = (tool) => tool.description.split(/[.:;]/)[0];
	const handOver = tools.find((tool) => HANDS_TO_A_PERSON.test(firstSentence(tool)));
	if (handOver && WANTS_A_PERSON.test(customerText)) return handOver;
	const takesMessage = (tool) => Object.keys(tool.parameters?.properties ?? {}).some((key) => MESSAGE_KEY.test(key));
	return tools.find((tool) => tool !== handOver && takesMessage(tool)) ?? tools.find((tool) => tool !== handOver) ?? tools[0];
}

function valueFor(key, schema, reply) {
	const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
	if (type === 'number' || type === 'integer') return 0;
	if (type === 'boolean') return false;
	if (type === 'object') return {};
	return MESSAGE_KEY.test(key) ? reply : '';
}

function replyTo(customerText, previousText) {
	const earlier = previousText ? ` ${recallOf(previousText)}` : '';
	return `[모델 대역 / model stand-in] 문의 감사합니다. "${quote(customerText)}" 건은 상담사가 곧 안내해 드리겠습니다.${earlier}`;
}

/** The sentence of a reply that shows the model was sent the customer's previous message. */
const recallOf = (previousText) => `앞서 말씀하신 "${quote(previousText)}" 건도 기억하고 있습니다.`;

const quote = (text) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The customer's last message, then the one before it (from an earlier turn), trimmed. */
function userTexts(conversation) {
	const users = conversation.messages.filter((message) => message.role === 'user').map((message) => (message.content ?? '').trim());
	return [users.at(-1) ?? '', users.at(-2)];
}

module.exports = { defaultTurn, recallOf };
