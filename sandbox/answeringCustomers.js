'use strict';

/**
 * Customers who answer the bot: when a text message is written into a room through the Biz API
 * (`POST /v1/chat/write` accepted), the room's customer writes back, as a person in the chat
 * would, through the receive URL. `answer(question, { uuid, room_id })` says what they write (null
 * or undefined: nothing). They answer after `delayMs`, and once `ready()` (if given) resolves, as a
 * person who reads first. Returns a function that stops them.
 */
function answerQuestions(sandbox, { answer, delayMs = 0, ready = async () => {}, receiveUrl } = {}) {
	if (typeof answer !== 'function') throw new TypeError('answer must be a function (question, room) => text');
	let stopped = false;
	const onRequest = (record) => {
		if (stopped || record.path !== '/v1/chat/write' || record.code !== 0) return;
		const { uuid, room_id: roomId, type, msg } = record.body ?? {};
		if (type !== 'text') return;
		const text = answer(msg, { uuid, room_id: roomId });
		if (text === null || text === undefined) return;
		const write = async () => {
			await ready();
			if (stopped) return;
			sandbox.sendCustomerMessage({ receiveUrl, uuid, room_id: roomId, text: String(text) }).catch(() => {});
		};
		setTimeout(() => void write(), delayMs);
	};
	sandbox.on('request', onRequest);
	return () => {
		stopped = true;
		sandbox.off('request', onRequest);
	};
}

module.exports = { answerQuestions };
