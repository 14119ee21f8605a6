'use strict';

const readline = require('readline');

const LINE_FORMAT = '<uuid> <room_id> <text...>';

/**
 * The CLI's customer: each stdin line `<uuid> <room_id> <text...>` is sent as a customer message
 * with the simulator, and the receiver's answer is printed. Returns a function that stops reading.
 */
function readCustomerLines(sandbox, input, print) {
	// terminal: false leaves the terminal alone, so Ctrl+C still reaches the process as SIGINT.
	const lines = readline.createInterface({ input, terminal: false });
	lines.on('line', (line) => {
		if (line.trim() === '') return;
		const message = parseLine(line);
		if (!message) {
			print(`customer: expected "${LINE_FORMAT}"`);
			return;
		}
		const label = `customer ${message.uuid} in room ${message.room_id}`;
		sandbox.sendCustomerMessage(message).then(
			(answer) => print(`${label} -> HTTP ${answer.status} ${preview(answer.body)}`),
			(error) => print(`${label} -> not delivered: ${error.message}`),
		);
	});
	return () => lines.close();
}

// Text keeps its inner spacing; only the ends are trimmed.
function parseLine(line) {
	const match = /^\s*(\S+)\s+(\S+)\s+(.*\S)\s*$/.exec(line);
	return match ? { uuid: match[1], room_id: match[2], text: match[3] } : null;
}

// One line of the receiver's answer, enough to see what it said.
function preview(body) {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

module.exports = { readCustomerLines, parseLine, LINE_FORMAT };
