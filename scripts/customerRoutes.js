/**
 * The terminal customer of `npm start`: a line "<uuid> <room_id> <text>" goes to the sandbox's
 * receive URL (the auto-reply bot); with a route's prefix in front ("ai", "order:"), to that
 * example's HappyTalk Trigger instead. A prefix is never a uuid: too short, or a character a uuid
 * cannot have.
 */
const { parseLine } = require('../sandbox/cliCustomer');
const { AI_AGENT_RECEIVE_PATH, ORDER_DIALOG_RECEIVE_PATH } = require('./demoData');

/**
 * The demo's routes on n8n at `n8nUrl`: "ai" to the AI Agent example and, where it is published
 * (`orderDialog`), "order:" to the order-status dialog.
 */
function demoRoutes(n8nUrl, { orderDialog = true } = {}) {
	return {
		ai: `${n8nUrl}/${AI_AGENT_RECEIVE_PATH}`,
		...(orderDialog ? { 'order:': `${n8nUrl}/${ORDER_DIALOG_RECEIVE_PATH}` } : {}),
	};
}

function routedCustomer(sandbox, routes) {
	return {
		sendCustomerMessage(message) {
			const receiveUrl = routes[message.uuid];
			if (!receiveUrl) return sandbox.sendCustomerMessage(message);
			const { test, ...routed } = parseLine(`${message.room_id} ${message.text}`) ?? {};
			if (!routed.uuid) return Promise.reject(new Error(`expected "${message.uuid} <uuid> <room_id> <text...>"`));
			return sandbox.sendCustomerMessage({ ...routed, receiveUrl });
		},
	};
}

module.exports = { routedCustomer, demoRoutes };
