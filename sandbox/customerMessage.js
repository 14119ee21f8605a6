'use strict';

const crypto = require('crypto');
const { isPlainObject } = require('./validate');

const KINDS = ['text', 'image', 'file'];

/**
 * The JSON body HappyTalk POSTs to <receive domain>/message/{UUID} for one customer message (the
 * spec's "Incoming messages"). `input` is { uuid, room_id, text | image: { url, width?, height? } |
 * file: { name, url, text? }, autoEnd?, msgid? }. Throws a TypeError that says what is wrong.
 */
function buildCustomerMessage(input) {
	if (!isPlainObject(input)) throw new TypeError('a customer message must be an object');
	const { uuid, room_id: roomId, autoEnd, msgid } = input;
	if (!isText(uuid)) throw new TypeError('uuid must be a non-empty string');
	if (!isText(roomId) && !(Number.isSafeInteger(roomId) && roomId >= 0)) {
		throw new TypeError('room_id must be a non-empty string or a whole number');
	}
	const kinds = KINDS.filter((kind) => input[kind] !== undefined);
	if (kinds.length !== 1) throw new TypeError('a customer message needs exactly one of text, image, file');
	if (autoEnd !== undefined && typeof autoEnd !== 'boolean') throw new TypeError('autoEnd must be true or false');
	// A given msgid lets a test replay a delivery; otherwise each message gets a new one.
	if (msgid !== undefined && !isText(msgid)) throw new TypeError('msgid must be a non-empty string');
	const type = kinds[0];
	const { content, image } = contentOf(type, input[type]);
	return { uuid, room_id: roomId, type, msgid: msgid ?? crypto.randomUUID(), content, image, auto_end: autoEnd ? 'Y' : 'N' };
}

// content is a string, or for a file { text, link }; image is the image, or '' for the others.
function contentOf(type, value) {
	if (type === 'text') {
		if (typeof value !== 'string') throw new TypeError('text must be a string');
		return { content: value, image: '' };
	}
	if (type === 'image') {
		if (!isPlainObject(value) || !isText(value.url)) throw new TypeError('image needs url (a non-empty string)');
		return { content: '', image: { width: size(value.width, 'image.width'), height: size(value.height, 'image.height'), url: value.url } };
	}
	if (!isPlainObject(value) || !isText(value.name) || !isText(value.url)) {
		throw new TypeError('file needs name and url (non-empty strings)');
	}
	if (value.text !== undefined && typeof value.text !== 'string') throw new TypeError('file.text must be a string');
	return { content: { text: value.text ?? '', link: { name: value.name, url: value.url } }, image: '' };
}

// The spec does not say what HappyTalk sends when it does not know the size: we send 0.
function size(value, name) {
	if (value === undefined) return 0;
	if (!Number.isInteger(value) || value < 0) throw new TypeError(`${name} must be a whole number of pixels`);
	return value;
}

function isText(value) {
	return typeof value === 'string' && value !== '';
}

module.exports = { buildCustomerMessage };
