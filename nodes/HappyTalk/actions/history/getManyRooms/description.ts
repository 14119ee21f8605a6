import type { INodeProperties } from 'n8n-workflow';

import { customerApiOptionsProperty, showFor } from '../../../shared/description';
import { historyFiltersProperty } from '../../../shared/history/filters';
import type { OperationOption } from '../../../shared/operation';
import { ROOM_LIMIT } from './schema';

export const option: OperationOption = {
	name: 'Get Many Rooms',
	value: 'getManyRooms',
	description: 'Get the list of counseling rooms, one item per room',
	action: 'Get many counseling rooms',
};

const getManyRooms = showFor('history', 'getManyRooms');

export const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: getManyRooms,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: ROOM_LIMIT.min, maxValue: ROOM_LIMIT.max },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: showFor('history', 'getManyRooms', { returnAll: [false] }),
	},
	historyFiltersProperty(getManyRooms),
	customerApiOptionsProperty(getManyRooms),
];
