'use strict';

const readline = require('readline');

const LINE_FORMAT = '[test] <uuid> <room_id> <text... | image:photo.png | file:receipt.pdf>';

/**
 * The CLI's customer: each stdin line `<uuid> <room_id> <text...>` is sent as a customer message
 * with the simulator, to the receive URL; a line starting with `test ` goes to the test URL
 * instead, where n8n's editor listens after "Execute workflow". The conversation itself is printed
 * by conversation.js; this prints only what went wrong. Returns a function that stops reading.
 */
function readCustomerLines(sandbox, input, print, { testReceiveUrl } = {}) {
	// terminal: false leaves the terminal alone, so Ctrl+C still reaches the process as SIGINT.
	const lines = readline.createInterface({ input, terminal: false });
	lines.on('line', (line) => {
		if (line.trim() === '') return;
		const message = parseLine(line);
		if (!message) {
			print(`customer: expected "${LINE_FORMAT}"`);
			return;
		}
		if (message.test) {
			if (!testReceiveUrl) {
				print('customer: no test URL is known here (it needs a receive URL containing /webhook/)');
				return;
			}
			message.receiveUrl = testReceiveUrl;
		}
		delete message.test;
		// "image:photo.png" or "file:receipt.pdf" sends one of the sandbox's own attachments.
		const attachment = /^(image|file):(\S+)$/.exec(message.text);
		if (attachment) {
			delete message.text;
			const url = sandbox.attachmentUrl(attachment[2]);
			message[attachment[1]] = attachment[1] === 'image' ? { url, width: 64, height: 48 } : { name: attachment[2], url };
		}
		const label = `customer ${message.uuid} in room ${message.room_id}`;
		sandbox.sendCustomerMessage(message).then(
			(answer) => {
				if (answer.status >= 300) print(`${label} -> HTTP ${answer.status} ${preview(answer.body)}${hintFor(answer.status, message)}`);
			},
			(error) => print(`${label} -> not delivered: ${error.message}`),
		);
	});
	return () => lines.close();
}

/**
 * n8n serves a workflow's test webhook under /webhook-test/ where the production one is under
 * /webhook/; undefined when the receive URL is not an n8n production webhook URL.
 */
function testUrlFor(receiveUrl) {
	if (typeof receiveUrl !== 'string' || !receiveUrl.includes('/webhook/')) return undefined;
	return receiveUrl.replace('/webhook/', '/webhook-test/');
}

// What a 404 most likely means, for the two URLs a customer line can go to.
function hintFor(status, message) {
	if (status !== 404) return '';
	return message.receiveUrl
		? ' (n8n listens on the test URL only after "Execute workflow" in the editor, for one message)'
		: ' (is the workflow active, and the receive URL right?)';
}

// Text keeps its inner spacing; only the ends are trimmed. "test" is never a uuid (too short).
function parseLine(line) {
	const match = /^\s*(?:(test)\s+)?(\S+)\s+(\S+)\s+(.*\S)\s*$/.exec(line);
	return match ? { test: match[1] === 'test', uuid: match[2], room_id: match[3], text: match[4] } : null;
}

// One line of the receiver's answer, enough to see what it said.
function preview(body) {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

module.exports = { readCustomerLines, parseLine, testUrlFor, LINE_FORMAT };
