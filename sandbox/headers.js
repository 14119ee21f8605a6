'use strict';

const { isPlainObject } = require('./validate');

// RFC 9110 token characters; values stay printable ASCII, so nothing can split the answer's head.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

// Names the sandbox writes itself or that frame the answer: a fault may not set them.
const RESERVED = new Map([
	['content-type', 'use fault.contentType'],
	['content-length', 'the sandbox sets it'],
	['transfer-encoding', 'the sandbox sets the framing'],
	['connection', 'the sandbox manages connections'],
	['keep-alive', 'the sandbox manages connections'],
	['upgrade', 'the sandbox manages connections'],
	['trailer', 'the sandbox sends no trailers'],
	['x-sandbox-reason', 'the sandbox sets it'],
]);

/**
 * Checks extra answer headers given by a test ({ 'Retry-After': '2' }) and returns a copy.
 * Throws a TypeError that names the bad header.
 */
function checkHeaders(headers, name) {
	if (!isPlainObject(headers)) throw new TypeError(`${name} must be an object of header names to string values`);
	const result = {};
	const seen = new Set();
	for (const [key, value] of Object.entries(headers)) {
		const lower = key.toLowerCase();
		if (!HEADER_NAME.test(key)) throw new TypeError(`${name}: ${JSON.stringify(key)} is not a valid header name`);
		if (RESERVED.has(lower)) throw new TypeError(`${name}: ${key} may not be set (${RESERVED.get(lower)})`);
		if (seen.has(lower)) throw new TypeError(`${name}: ${key} is given twice`);
		seen.add(lower);
		if (typeof value !== 'string') throw new TypeError(`${name}.${key} must be a string`);
		if (!HEADER_VALUE.test(value)) throw new TypeError(`${name}.${key} may only hold printable ASCII characters`);
		result[key] = value;
	}
	return result;
}

module.exports = { checkHeaders };
