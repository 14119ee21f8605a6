import { customerUuidField, roomIdField } from '../shared/fields';
import { describeLength, describeRule } from '../shared/text';
import { companyCustomerIdField } from '../actions/counselor/checkPrevious/schema';
import { END_TYPES } from '../actions/room/end/schema';
import { MESSAGE_TYPES, sendMessageFields } from '../actions/message/send/schema';
import { historyCustomerIdField } from '../actions/history/getCustomerRooms/schema';
import { HISTORY_WINDOW_DAYS } from '../shared/history/filters.schema';
import { MAX_RANGE_DAYS } from '../actions/serviceHistory/getMany/schema';
import { MAX_SIZE_MB } from '../shared/attachments/download.schema';

/**
 * What a model reads about each operation when the node is an AI Agent's tool: what the call does
 * to a real customer, what uuid and room ID mean, and every limit, read from the schemas.
 */
const uuid = `uuid is the customer's ID in the company's own system (${describeRule(customerUuidField)})`;
const roomId = `roomId is the ID of the customer's counseling room, as HappyTalk returned it when the room was opened (${describeLength(roomIdField)}); the room must be open, not ended`;
/** When a bot should hand the chat to a person: read by the model in both tools that touch it. */
const whenToHandOver =
	'Use it when the customer asks for a person (a counselor, an agent, a human) or needs what a bot cannot do or answer with certainty (a complaint, a refund, a change to an order, anything you do not know); not for questions you can answer.';
const handOver =
	'When the customer asks for a person or needs what a bot cannot do, do not promise a counselor in a message: hand the chat over with the tool that opens a counseling room (HappyTalk Room → Open).';
const fileTypes = MESSAGE_TYPES.filter((type) => type.value !== 'text').map((type) => type.value);

export const toolDescriptions: Record<string, string> = {
	'message.send':
		`Sends a message to a real customer in HappyTalk: it appears at once in their chat and cannot be taken back. ${uuid}; ${roomId}. ` +
		`A text message has ${describeLength(sendMessageFields.msg)} (Korean letters and emoji count as one each; line breaks are kept); ` +
		`an ${fileTypes.slice(0, -1).join(', ')} or ${fileTypes.at(-1)} message is a public http:// or https:// link of ${describeLength(sendMessageFields.url)}. ` +
		`The result says whether it was sent, or what to correct. ${handOver}`,
	'room.open':
		`Opens a HappyTalk counseling room for a customer, handing the chat from the bot to a human counselor; the customer is told so. ${whenToHandOver} ` +
		'Call it once; afterwards send nothing more: the counselor answers in the new room. ' +
		`${uuid}. ` +
		'The result gives the new room ID, or says why no counselor is available (out of hours, none free) and what HappyTalk already showed the customer; then you may go on helping.',
	'room.end':
		`Ends a customer's HappyTalk counseling room: the chat closes for the customer and nothing more can be sent into it. ${uuid}; ${roomId}. ` +
		`Who ended it (end type): ${END_TYPES.map((type) => `${type.value} ${type.name}`).join(', ')}.`,
	'counselor.checkPrevious':
		`Checks in HappyTalk whether the customer's previous counselor exists and can take the chat now; changes nothing for the customer. ${uuid}; ` +
		`customerId is the customer's ID in the company's system as HappyTalk knows it (${describeLength(companyCustomerIdField)}).`,
	'history.getRoom':
		`Reads one HappyTalk counseling room and everything said in it, in send order; changes nothing. roomId is the room's ID (${describeLength(roomIdField)}).`,
	'history.getManyRooms':
		"Lists HappyTalk counseling rooms (one result per room, without messages); changes nothing. Dates are days in Korea time; without dates, today's rooms; " +
		`long ranges are read in windows of at most ${HISTORY_WINDOW_DAYS} days.`,
	'history.getCustomerRooms':
		`Reads a customer's HappyTalk counseling rooms with their messages; changes nothing. ${uuid}, or customerId, HappyTalk's users_id (${describeLength(historyCustomerIdField)}).`,
	'customer.update':
		`Changes the customer information HappyTalk keeps for a customer's room (name, phone, email, order number, custom parameters…); the customer does not see it. ${uuid}; roomId is one of the customer's rooms (${describeLength(roomIdField)}).`,
	'attachment.download':
		"Downloads an image or file a customer sent in HappyTalk, from its URL, into the workflow as a file; changes nothing for the customer. " +
		`url is the attachment's http:// or https:// address (a message's image.url or file.url); addresses inside private networks are refused unless allowed; files over ${MAX_SIZE_MB.default} MB are refused unless the limit is raised. ` +
		'The result gives the file name, MIME type and size in bytes; the file itself stays in the workflow.',
	'serviceHistory.getMany':
		"Reads the HappyTalk account's activity log (counselor log-ins, manager actions such as changing a room's category, archive runs, API key issuance), newest first; changes nothing. " +
		'Start and End are date-times in Korea time (e.g. 2026-12-01 09:00:00) or ISO 8601 with a zone; without Start, the 24 hours before End; without End, now; ' +
		`at most ${MAX_RANGE_DAYS} days, read one Korean day per request. Format raw gives one result per entry (typeName, kindName, isLogin, requestedAt and HappyTalk's fields); siem gives HappyTalk's SIEM lines, without log-ins.`,
};
