import type { INodeProperties } from 'n8n-workflow';

/**
 * The tool's "Description" field, shown only on the AI Agent tool variant (`@tool`), one per
 * operation and prefilled with what the model needs. n8n sends the model this field (without it,
 * n8n adds its own, whose automatic text is only "Send a message in HappyTalk"). The scanner wants
 * literal defaults: test/unit/toolDescription.test.ts holds each to the text toolDescriptions.ts
 * builds from the schemas, which stay the one source of every limit.
 */
const field = {
	displayName: 'Description',
	name: 'toolDescription',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description:
		'What the AI model reads about this tool: prefilled with what the operation does to the customer, what uuid and room ID mean, and every limit',
} as const;

const onTool = (resource: string, operation: string) => ({
	show: { '@tool': [true], resource: [resource], operation: [operation] },
});

export const toolDescriptionProperties: INodeProperties[] = [
	{
		...field,
		displayOptions: onTool('message', 'send'),
		default:
			"Sends a message to a real customer in HappyTalk: it appears at once in their chat and cannot be taken back. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _); roomId is the ID of the customer's counseling room, as HappyTalk returned it when the room was opened (1 to 30 characters); the room must be open, not ended. A text message has 1 to 1000 characters (Korean letters and emoji count as one each; line breaks are kept); an image, video or audio message is a public http:// or https:// link of 1 to 255 characters. The result says whether it was sent, or what to correct. When the customer asks for a person or needs what a bot cannot do, do not promise a counselor in a message: hand the chat over with the tool that opens a counseling room (HappyTalk Room → Open).",
	},
	{
		...field,
		displayOptions: onTool('room', 'open'),
		default:
			"Opens a HappyTalk counseling room for a customer, handing the chat from the bot to a human counselor; the customer is told so. Use it when the customer asks for a person (a counselor, an agent, a human) or needs what a bot cannot do or answer with certainty (a complaint, a refund, a change to an order, anything you do not know); not for questions you can answer. Call it once; afterwards send nothing more: the counselor answers in the new room. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _). The result gives the new room ID, or says why no counselor is available (out of hours, none free) and what HappyTalk already showed the customer; then you may go on helping.",
	},
	{
		...field,
		displayOptions: onTool('room', 'end'),
		default:
			"Ends a customer's HappyTalk counseling room: the chat closes for the customer and nothing more can be sent into it. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _); roomId is the ID of the customer's counseling room, as HappyTalk returned it when the room was opened (1 to 30 characters); the room must be open, not ended. Who ended it (end type): 0 Counselor, 1 Customer, 2 Manager.",
	},
	{
		...field,
		displayOptions: onTool('counselor', 'checkPrevious'),
		default:
			"Checks in HappyTalk whether the customer's previous counselor exists and can take the chat now; changes nothing for the customer. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _); customerId is the customer's ID in the company's system as HappyTalk knows it (1 to 20 characters).",
	},
	{
		...field,
		displayOptions: onTool('history', 'getRoom'),
		default:
			"Reads one HappyTalk counseling room and everything said in it, in send order; changes nothing. roomId is the room's ID (1 to 30 characters).",
	},
	{
		...field,
		displayOptions: onTool('history', 'getManyRooms'),
		default:
			"Lists HappyTalk counseling rooms (one result per room, without messages); changes nothing. Dates are days in Korea time; without dates, today's rooms; long ranges are read in windows of at most 31 days.",
	},
	{
		...field,
		displayOptions: onTool('history', 'getCustomerRooms'),
		default:
			"Reads a customer's HappyTalk counseling rooms with their messages; changes nothing. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _), or customerId, HappyTalk's users_id (1 to 100 characters).",
	},
	{
		...field,
		displayOptions: onTool('customer', 'update'),
		default:
			"Changes the customer information HappyTalk keeps for a customer's room (name, phone, email, order number, custom parameters…); the customer does not see it. uuid is the customer's ID in the company's own system (5 to 20 characters: letters A-Z and a-z, digits and _); roomId is one of the customer's rooms (1 to 30 characters).",
	},
	{
		...field,
		displayOptions: onTool('attachment', 'download'),
		default:
			"Downloads an image or file a customer sent in HappyTalk, from its URL, into the workflow as a file; changes nothing for the customer. url is the attachment's http:// or https:// address (a message's image.url or file.url); addresses inside private networks are refused unless allowed; files over 25 MB are refused unless the limit is raised. The result gives the file name, MIME type and size in bytes; the file itself stays in the workflow.",
	},
	{
		...field,
		displayOptions: onTool('serviceHistory', 'getMany'),
		default:
			"Reads the HappyTalk account's activity log (counselor log-ins, manager actions such as changing a room's category, archive runs, API key issuance), newest first; changes nothing. Start and End are date-times in Korea time (e.g. 2026-12-01 09:00:00) or ISO 8601 with a zone; without Start, the 24 hours before End; without End, now; at most 366 days, read one Korean day per request. Format raw gives one result per entry (typeName, kindName, isLogin, requestedAt and HappyTalk's fields); siem gives HappyTalk's SIEM lines, without log-ins.",
	},
];
