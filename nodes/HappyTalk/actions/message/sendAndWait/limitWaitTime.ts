import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/**
 * "Limit Wait Time", with the names and choices of n8n's own Send and Wait nodes, so that it reads
 * the same in every chat node. Without it the execution waits until the customer writes.
 */
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description:
		'Whether to stop waiting for the reply after a while. The execution then continues with "replied": false and the question it asked.',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					description: 'Stop waiting after a time interval, or at a date and time',
					options: [
						{ name: 'After Time Interval', description: 'Waits for a certain amount of time', value: 'afterTimeInterval' },
						{ name: 'At Specified Time', description: 'Waits until the set date and time', value: 'atSpecifiedTime' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'hours',
					description: 'Unit of the interval value',
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
					default: '',
					description: 'Stop waiting at this date and time',
				},
			],
		},
	],
};

interface LimitValues {
	limitType?: string;
	resumeAmount?: number;
	resumeUnit?: keyof typeof UNIT_MS;
	maxDateAndTime?: string;
}

/**
 * When to stop waiting, in epoch milliseconds; `undefined` when there is no limit. Read from the
 * first item, as n8n's Send and Wait reads it: an execution waits once.
 */
export function replyDeadline(context: IExecuteFunctions, now = Date.now()): number | undefined {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const values = (options.limitWaitTime as { values?: LimitValues } | undefined)?.values;
	if (!values) return undefined;
	const fail = (problem: string): never => {
		throw new NodeOperationError(context.getNode(), `"Limit Wait Time" ${problem}`, {
			itemIndex: 0,
			description: 'Nothing was sent.',
		});
	};
	if ((values.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = values.resumeAmount ?? 1;
		const unit = UNIT_MS[values.resumeUnit ?? 'hours'];
		if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
			fail(`"Amount" must be a number above 0; got ${JSON.stringify(amount)}`);
		}
		if (unit === undefined) fail(`"Unit" must be one of ${Object.keys(UNIT_MS).join(', ')}; got ${JSON.stringify(values.resumeUnit)}`);
		return now + Math.round(amount * unit);
	}
	const at = new Date(String(values.maxDateAndTime ?? '')).getTime();
	if (Number.isNaN(at)) fail(`"Max Date and Time" must be a date and time; got ${JSON.stringify(values.maxDateAndTime ?? '')}`);
	if (at <= now) fail(`"Max Date and Time" must be in the future; got ${new Date(at).toISOString()}`);
	return at;
}
