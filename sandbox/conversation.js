'use strict';

/**
 * The conversation as a person reads it, from the sandbox's events: what each customer said (typed
 * in a terminal or posted to the control API) and what the bot did through the Biz API. Returns a
 * function that stops printing.
 */
function printConversation(sandbox, print) {
	const onCustomer = (record) => print(describeCustomerMessage(record));
	const onRequest = (record) => {
		const line = describeBizApiCall(record);
		if (line) print(line);
	};
	sandbox.on('customer-message', onCustomer);
	sandbox.on('request', onRequest);
	return () => {
		sandbox.off('customer-message', onCustomer);
		sandbox.off('request', onRequest);
	};
}

// customer_01 › room 5550001: 배송은 언제 오나요?   (→ http://…, HTTP 200)
function describeCustomerMessage(record) {
	const { body } = record;
	const where = `${body.uuid} › room ${body.room_id}`;
	const delivery = record.error
		? `not delivered: ${record.error}`
		: `HTTP ${record.status}${record.url.includes('/webhook-test/') ? ', test URL' : ''}`;
	return `  customer ${where}: ${contentOf(body)}   (${delivery})`;
}

function contentOf(body) {
	if (body.type === 'image') return `[image] ${body.image.url}`;
	if (body.type === 'file') return `[file] ${body.content.link.name} ${body.content.text}`.trim();
	return body.content;
}

// Only what changes the conversation: messages, rooms opened and ended, and refusals of those.
function describeBizApiCall(record) {
	const body = record.body ?? {};
	const refused = record.code === 0 ? '' : `   (refused: ${record.code ?? `HTTP ${record.status}`}${record.reason ? `, ${record.reason}` : ''})`;
	if (record.path === '/v1/chat/write') {
		const said = body.type === 'text' ? body.msg : `[${body.type}] ${body.url}`;
		return `  bot      ${body.uuid} › room ${body.room_id}: ${said}${refused}`;
	}
	if (record.path === '/v1/chat/open') return `  bot      ${body.uuid}: opens a counseling room${refused}`;
	if (record.path === '/v1/chat/end') return `  bot      ${body.uuid} › room ${body.room_id}: ends the room${refused}`;
	return null;
}

module.exports = { printConversation, describeCustomerMessage, describeBizApiCall };
