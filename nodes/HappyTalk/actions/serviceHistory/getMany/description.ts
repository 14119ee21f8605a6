import type { INodeProperties } from 'n8n-workflow';

import { customerApiOptionsProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { ENTRY_LIMIT, MAX_RANGE_DAYS, SERVICE_HISTORY_FORMATS } from './schema';

export const option: OperationOption = {
	name: 'Get Many Entries',
	value: 'getMany',
	description: "Get the account's activity log (log-ins, manager actions, archive runs, key issuance), one item per entry",
	action: 'Get many service usage history entries',
};

const getMany = showFor('serviceHistory', 'getMany');
const options = customerApiOptionsProperty(getMany);

export const properties: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		description: `First moment to include, in Korea time unless it carries a zone. Empty: 24 hours before End. At most ${MAX_RANGE_DAYS} days before End; HappyTalk takes one day a request, so a longer range is read day by day.`,
		displayOptions: getMany,
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'Last moment to include (to the second), in Korea time unless it carries a zone. Empty: now.',
		displayOptions: getMany,
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: SERVICE_HISTORY_FORMATS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'raw',
		displayOptions: getMany,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: getMany,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: ENTRY_LIMIT.min, maxValue: ENTRY_LIMIT.max },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: showFor('serviceHistory', 'getMany', { returnAll: [false] }),
	},
	{
		...options,
		options: [
			{
				displayName: 'Endpoint',
				name: 'endpoint',
				type: 'options',
				options: [
					{
						name: 'Customer API Hosts',
						value: 'customer',
						description: 'The service_history path under /user/api/ on the credential\'s customer API host (HappyTalk\'s mbi page)',
					},
					{
						name: 'Bnd Hosts',
						value: 'bnd',
						description:
							'The service-history path under /user/api/ on bnd.happytalk.io, or patch-bnd.happytalk.io for Development (HappyTalk\'s dc page); with a custom Base URL, that URL',
					},
				],
				default: 'customer',
				description: 'Which of the two addresses HappyTalk documents for this call to use',
			},
			...(options.options as INodeProperties[]),
		],
	},
];
