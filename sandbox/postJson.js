'use strict';

const http = require('http');
const https = require('https');

const TIMEOUT_MS = 10000;
// A receiver's answer is kept for the caller to read; past this the rest is dropped.
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * POSTs `text` (JSON) to `url` and nowhere else: redirects are not followed, no keep-alive.
 * Resolves { status, body (text) }; rejects on a network error, a cut-off answer, or after
 * TIMEOUT_MS. While in flight, an abort function sits in `pending`, so close() can end it.
 */
function postJson(url, text, pending) {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		const req = client.request(target, {
			method: 'POST',
			agent: false,
			timeout: TIMEOUT_MS,
			headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
		});
		const abort = (why) => req.destroy(new Error(why));
		const finish = (settle, value) => {
			pending.delete(abort);
			settle(value);
		};
		pending.add(abort);
		req.on('timeout', () => abort(`no answer from ${target.origin} within ${TIMEOUT_MS} ms`));
		req.on('error', (error) => finish(reject, error));
		req.on('response', (res) => {
			const chunks = [];
			let size = 0;
			res.on('data', (chunk) => {
				size += chunk.length;
				if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
			});
			res.on('end', () => finish(resolve, { status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', (error) => finish(reject, error));
			res.on('close', () => {
				if (!res.complete) finish(reject, new Error(`the answer from ${target.origin} was cut off`));
			});
		});
		req.end(text);
	});
}

module.exports = { postJson };
