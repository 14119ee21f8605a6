'use strict';

// The customer API's fail codes (original/customer-api/customer-api_fail_code.md). A (code,
// message) pair identifies the case: -501 and -503 each have two messages.
const CUSTOMER_FAILS = Object.freeze({
	token: { code: -501, message: 'token' },
	uuid: { code: -501, message: 'uuid' },
	unAuthorized: { code: -502, message: 'unAuthorized' },
	users: { code: -503, message: 'users' },
	room: { code: -503, message: 'room' },
	overDate: { code: -504, message: 'overDate' },
});

function customerFailBody(name) {
	const fail = CUSTOMER_FAILS[name];
	if (!fail) throw new TypeError(`unknown customer API fail "${name}"`);
	return { result: 'fail', code: fail.code, message: fail.message };
}

module.exports = { CUSTOMER_FAILS, customerFailBody };
