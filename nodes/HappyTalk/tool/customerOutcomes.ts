import type { IDataObject } from 'n8n-workflow';

/**
 * The customer API's answers are data (rooms, an update). As an AI Agent's tool, each item still
 * starts with one sentence, as the Biz API's results do, so the model knows what it is reading.
 */
const room = (item: IDataObject) => {
	const messages = typeof item.messageCount === 'number' ? `, ${item.messageCount} messages` : '';
	const completed = item.completedAt ? `, completed ${String(item.completedAt)}` : '';
	return `Counseling room ${String(item.roomId)} of customer ${String(item.uuid)} (${String(item.channel)}): ${String(item.statusName)}${completed}${messages}. Nothing was changed.`;
};

const outcomes: Record<string, (item: IDataObject) => string> = {
	'history.getRoom': room,
	'history.getManyRooms': room,
	'history.getCustomerRooms': room,
	'customer.update': (item) =>
		`Updated the information of customer ${String(item.uuid)} in room ${String(item.roomId)}; nothing was sent to the customer.`,
};

/** A list that found nothing is one result too: the model reads an empty answer as a failure. */
const NOTHING_FOUND = 'No counseling room matched. Nothing was changed.';

/** An operation without a sentence here (e.g. the service usage log) reaches the model as it is. */
export function customerToolResults(operationKey: string, results: IDataObject[]): IDataObject[] {
	const describe = outcomes[operationKey];
	if (!describe) return results;
	if (results.length === 0) return [{ result: NOTHING_FOUND, found: 0 }];
	return results.map((item) => {
		// First, and in place of the customer API's own `result` ("success") where it has one.
		const output: IDataObject = { result: describe(item), ...item };
		output.result = describe(item);
		return output;
	});
}
