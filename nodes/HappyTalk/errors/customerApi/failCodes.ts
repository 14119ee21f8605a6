/**
 * The customer API's fail codes (spec: customer-api.md, "Fail codes"): apart from the Biz API's,
 * whose numbers overlap with other meanings. A (code, message) pair identifies the case. The
 * table in docs/errors.md is checked against this one by a test.
 */
export interface CustomerFailCode {
	readonly code: number;
	/** HappyTalk's `message` for the case. */
	readonly message: string;
	readonly meaning: string;
	readonly action: string;
}

export const CUSTOMER_FAIL_CODES: readonly CustomerFailCode[] = [
	{
		code: -501,
		message: 'token',
		meaning: 'The company token is wrong or missing',
		action: 'Copy the company token again from the HappyTalk admin (Settings › Company information management › System information › TOKEN) into the HappyTalk Customer API credential, for the right environment',
	},
	{
		code: -501,
		message: 'uuid',
		meaning: 'The customer ID or customer UUID is missing',
		action: 'Fill in the Customer UUID or Customer ID',
	},
	{
		code: -502,
		message: 'unAuthorized',
		meaning: 'This company token has no permission for this call',
		action: 'Ask the HappyTalk customer centre to enable the customer API for your company',
	},
	{
		code: -503,
		message: 'users',
		meaning: 'HappyTalk has no customer with this UUID or customer ID',
		action: "Check the value: the UUID without the site number (a room's customer_uuid without its leading digits and _), or the customer's users_id",
	},
	{
		code: -503,
		message: 'room',
		meaning: 'HappyTalk has no matching room',
		action: "Check the Room ID (a room's id), and that the room belongs to this customer",
	},
	{
		code: -504,
		message: 'overDate',
		meaning: 'The date range is longer than HappyTalk allows, or not a valid range',
		action: 'The node reads long ranges in shorter windows, down to one day, whenever HappyTalk answers this: here HappyTalk refused even a single day (or a search without dates). Check the dates, and ask HappyTalk if it persists',
	},
];

export function describeCustomerFail(code: number, message: unknown): CustomerFailCode {
	return (
		CUSTOMER_FAIL_CODES.find((entry) => entry.code === code && entry.message === message) ??
		CUSTOMER_FAIL_CODES.find((entry) => entry.code === code) ?? {
			code,
			message: typeof message === 'string' ? message : 'unknown',
			meaning: `HappyTalk answered with fail code ${code}, which its documentation does not list`,
			action: 'Contact HappyTalk with the code and the time of the request',
		}
	);
}
