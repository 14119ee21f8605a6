'use strict';

const { buildCustomerMessage } = require('./customerMessage');
const { checkReceiveUrl } = require('./options');
const { postJson } = require('./postJson');

/**
 * The customer simulator: does what HappyTalk does when a customer writes, i.e. POSTs the message
 * to `${receiveUrl}/message/${uuid}`. `state` holds { receiveUrl, customerMessages, outgoing, rooms }.
 * Records the message, then resolves { status, body (the receiver's answer as text), msgid }.
 * A bad input rejects with a TypeError; an unreachable receiver with an Error whose status is 502.
 */
async function sendCustomerMessage(state, input) {
	if (state.closing) throw new Error('the sandbox is closed');
	const body = buildCustomerMessage(input);
	const receiveUrl = checkReceiveUrl(input.receiveUrl ?? state.receiveUrl);
	if (receiveUrl === null) throw new TypeError('no receiveUrl: pass one, or set it with the receiveUrl option or setReceiveUrl()');
	const url = `${receiveUrl.replace(/\/+$/, '')}/message/${encodeURIComponent(body.uuid)}`;
	const record = { msgid: body.msgid, url, body, status: null, sentAt: Date.now(), error: null };
	state.customerMessages.push(record);
	state.history.recordMessage(String(body.room_id), body.uuid, {
		fromCustomer: true,
		contentsType: body.type === 'image' ? 'image' : 'text',
		contents: body.type === 'text' ? body.content : body.type === 'image' ? body.image.url : `${body.content.link.name} ${body.content.link.url}`,
	});
	// auto_end Y says HappyTalk ended the room: the sandbox ends it too, if it knows it as this uuid's.
	if (body.auto_end === 'Y') endRoom(state.rooms, String(body.room_id), body.uuid);
	try {
		const answer = await postJson(url, JSON.stringify(body), state.outgoing);
		record.status = answer.status;
		return { status: answer.status, body: answer.body, msgid: body.msgid };
	} catch (error) {
		record.error = error.message;
		throw Object.assign(new Error(`could not deliver the customer message to ${url}: ${error.message}`), { status: 502 });
	}
}

function endRoom(rooms, roomId, uuid) {
	const room = rooms.get(roomId);
	if (room && room.uuid === uuid && room.state === 'open') rooms.end(room);
}

module.exports = { sendCustomerMessage };
