import type { IDataObject } from 'n8n-workflow';

type Describe = (output: IDataObject, body: IDataObject) => string;

/** One sentence per operation: what the call just did, for the model to tell the customer. */
const outcomes: Record<string, Describe> = {
	'message.send': (_output, body) =>
		`Sent: the ${String(body.type)} message is in room ${String(body.room_id)} of customer ${String(body.uuid)}, who sees it now.`,
	'room.open': (output, body) =>
		output.opened === false
			? `No room was opened for customer ${String(body.uuid)}: ${String(output.reason)}. HappyTalk showed the customer: "${String(output.notice ?? '')}".`
			: `Opened counseling room ${String(output.roomId)} for customer ${String(body.uuid)}; a human counselor takes over the chat there.`,
	'room.end': (_output, body) =>
		`Ended room ${String(body.room_id)} of customer ${String(body.uuid)}; nothing more can be sent into it.`,
	'counselor.checkPrevious': (output, body) =>
		output.previousCounselorExists
			? `Customer ${String(body.uuid)} had counselor ${String(output.previousCounselorName)}, who is ${output.previousCounselorAvailable ? 'available to take the chat now' : 'not available now'}. Nothing was changed.`
			: `Customer ${String(body.uuid)} has no previous counselor. Nothing was changed.`,
};

export function describeOutcome(operationKey: string, output: IDataObject, body: IDataObject): string {
	return outcomes[operationKey]?.(output, body) ?? 'Done.';
}
