import type { INodeProperties } from 'n8n-workflow';

import { customerApiOptionsProperty, roomIdProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';

export const option: OperationOption = {
	name: 'Get Room',
	value: 'getRoom',
	description: 'Get one counseling room with all its messages',
	action: 'Get a counseling room',
};

const getRoom = showFor('history', 'getRoom');

export const properties: INodeProperties[] = [
	{ ...roomIdProperty(getRoom), description: "The room's ID (HappyTalk's room_id, or roomId from an earlier node)" },
	customerApiOptionsProperty(getRoom),
];
