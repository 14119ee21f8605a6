'use strict';

// An "answer" is what the server writes back: decided by the API or a fault, written by server.js.
// { status, contentType, text, code (the JSON `code`, or null), reason (why, for humans; never secrets), headers? }

const JSON_TYPE = 'application/json; charset=utf-8';

function jsonAnswer(status, body, reason = null, headers = undefined) {
	return { status, contentType: JSON_TYPE, text: JSON.stringify(body), code: body.code, reason, headers };
}

function rawAnswer(status, contentType, text, reason = null, headers = undefined) {
	return { status, contentType, text, code: null, reason, headers };
}

module.exports = { JSON_TYPE, jsonAnswer, rawAnswer };
