'use strict';

// Bodies of this API are a few KB at most; past this the sandbox stops keeping bytes.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body and decodes it the way a strict JSON API would.
 * Resolves { rawBody, body, bodyOk, aborted }: body is the parsed JSON (or undefined),
 * bodyOk is false when the bytes are not valid UTF-8, too long, or not JSON.
 */
function readBody(req) {
	return new Promise((resolve) => {
		const chunks = [];
		let size = 0;
		let done = false;
		const finish = (aborted) => {
			if (done) return;
			done = true;
			resolve({ ...decode(Buffer.concat(chunks), size > MAX_BODY_BYTES), aborted });
		};
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => finish(false));
		// A client that gives up mid-body still gets its partial body recorded.
		req.on('close', () => finish(!req.complete));
		req.on('error', () => finish(true));
	});
}

function decode(buffer, tooLarge) {
	let rawBody;
	try {
		rawBody = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
	} catch {
		// Not UTF-8 (say, EUC-KR Korean): keep a readable copy, but the API must refuse it.
		return { rawBody: buffer.toString('utf8'), body: undefined, bodyOk: false };
	}
	if (tooLarge || rawBody.trim() === '') return { rawBody, body: undefined, bodyOk: false };
	try {
		return { rawBody, body: JSON.parse(rawBody), bodyOk: true };
	} catch {
		return { rawBody, body: undefined, bodyOk: false };
	}
}

module.exports = { readBody };
