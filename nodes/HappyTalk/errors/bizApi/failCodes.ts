/**
 * HappyTalk's documented fail codes (spec: "Fail codes"), each with what it means for the user
 * and what to do. The table in docs/errors.md is checked against this one by a test.
 */
export interface FailCode {
	/** HappyTalk's `message` for the code. */
	readonly name: string;
	readonly meaning: string;
	readonly action: string;
}

export const FAIL_CODES: Readonly<Record<number, FailCode>> = {
	[-400]: {
		name: 'Forbidden',
		meaning: 'No permission for this call, or no such API path',
		action: 'Ask HappyTalk to enable the Biz API ("external messenger API") for these keys, and check the environment or Base URL',
	},
	[-500]: {
		name: 'Authorization',
		meaning: 'The Client ID or Client Secret is wrong or expired',
		action: 'Copy both keys again from the HappyTalk customer centre into the credential, for the right environment',
	},
	[-504]: {
		name: 'Contract',
		meaning: 'HappyTalk could not deliver the message (contract or channel problem)',
		action: 'Check your HappyTalk contract and channel settings; contact HappyTalk if it persists',
	},
	[-600]: {
		name: 'System',
		meaning: 'HappyTalk had an internal error; the message may or may not have been delivered',
		action: 'Check the room before sending again: the Biz API has no protection against sending a message twice',
	},
	[-700]: {
		name: 'EndRoom',
		meaning: 'The counseling room has already ended',
		action: 'Open a new room for this customer and send there',
	},
	[-701]: {
		name: 'Room',
		meaning: 'HappyTalk could not create the room',
		action: 'Try again later; contact HappyTalk if it persists',
	},
	[-702]: {
		name: 'NotRoom',
		meaning: 'There is no room with this Room ID',
		action: 'Check the Room ID: use the room_id HappyTalk returned when the room was opened',
	},
	[-703]: {
		name: 'UUID',
		meaning: 'The room belongs to another customer (uuid)',
		action: 'Send with the Customer UUID the room was opened for',
	},
	[-704]: {
		name: 'IngRoom',
		meaning: 'This customer already has a room in progress',
		action: "Send into the customer's open room instead of opening a new one",
	},
	[-800]: {
		name: 'Validation',
		meaning: 'HappyTalk rejected the value of a field',
		action: 'Correct the field HappyTalk names',
	},
	[-801]: {
		name: 'Required',
		meaning: 'A required field is missing',
		action: 'Fill in the field HappyTalk names',
	},
	[-802]: {
		name: 'Length',
		meaning: 'A field is too long or too short',
		action: 'Shorten or complete the field HappyTalk names',
	},
	[-900]: {
		name: 'Consulting',
		meaning: 'Counseling is not being offered',
		action: 'Check the counseling settings in the HappyTalk console',
	},
	[-901]: {
		name: 'Consulting',
		meaning: 'Outside working hours; the request was not accepted',
		action: 'Try again during working hours',
	},
	[-902]: {
		name: 'Consulting',
		meaning: 'Outside working hours; accepted, but no room was created',
		action: 'HappyTalk showed the customer its out-of-hours notice; follow up during working hours',
	},
	[-903]: {
		name: 'Consulting',
		meaning: 'Working hours, but no counselor is free; no room was created',
		action: 'Try again later, or let the chatbot keep answering',
	},
	[-904]: {
		name: 'Consulting',
		meaning: 'The limit of counseling sessions is exceeded',
		action: 'Try again later, or raise the limit in the HappyTalk console',
	},
	[-1001]: {
		name: 'Vote',
		meaning: 'The room has already been rated',
		action: 'Nothing to do: a room can be rated once',
	},
};

/** "Counseling is not available now": an expected answer when opening a room. */
export const COUNSELING_UNAVAILABLE_CODES: readonly number[] = [-900, -901, -902, -903, -904];

export function describeFailCode(code: number): FailCode {
	return (
		FAIL_CODES[code] ?? {
			name: 'Unknown',
			meaning: `HappyTalk answered with fail code ${code}, which its documentation does not list`,
			action: 'Contact HappyTalk with the code and the time of the request',
		}
	);
}
