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

const logEntry = (item: IDataObject) => {
	if (item.format === 'siem') return 'A line of the account\'s service usage log (SIEM format). Nothing was changed.';
	const login = item.isLogin ? ', a log-in' : '';
	return `Service usage log entry: ${String(item.kindName)} (${String(item.typeName)}), requested ${String(item.requestedAt)}${login}. Nothing was changed.`;
};

/** Each operation's sentence for one result, and for a list that found nothing. */
const outcomes: Record<string, { describe: (item: IDataObject) => string; nothingFound?: string }> = {
	'history.getRoom': { describe: room },
	'history.getManyRooms': { describe: room, nothingFound: 'No counseling room matched. Nothing was changed.' },
	'history.getCustomerRooms': { describe: room, nothingFound: 'No counseling room matched. Nothing was changed.' },
	'customer.update': {
		describe: (item) =>
			`Updated the information of customer ${String(item.uuid)} in room ${String(item.roomId)}; nothing was sent to the customer.`,
	},
	'serviceHistory.getMany': { describe: logEntry, nothingFound: 'No service usage log entry in that period. Nothing was changed.' },
};

/** An operation without a sentence here reaches the model as it is. */
export function customerToolResults(operationKey: string, results: IDataObject[]): IDataObject[] {
	const outcome = outcomes[operationKey];
	if (!outcome) return results;
	const { describe } = outcome;
	// A list that found nothing is one result too: the model reads an empty answer as a failure.
	if (results.length === 0) return [{ result: outcome.nothingFound ?? 'Nothing matched. Nothing was changed.', found: 0 }];
	return results.map((item) => {
		// First, and in place of the customer API's own `result` ("success") where it has one.
		const output: IDataObject = { result: describe(item), ...item };
		output.result = describe(item);
		return output;
	});
}
