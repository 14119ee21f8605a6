import type { INodeProperties } from 'n8n-workflow';

import { customerUuidProperty, optionsProperty, roomIdProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { END_TYPES } from './schema';

export const option: OperationOption = {
	name: 'End',
	value: 'end',
	description: 'End a counseling room',
	action: 'End a room',
};

const end = showFor('room', 'end');

export const properties: INodeProperties[] = [
	customerUuidProperty(end),
	roomIdProperty(end),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: end,
		options: [
			{
				displayName: 'End Type',
				name: 'endType',
				type: 'options',
				options: END_TYPES.map(({ name, value, description }) => ({ name, value, description })),
				default: 0,
				description: 'Who ended the counseling',
			},
		],
	},
	optionsProperty(end),
];
