import type { INodeProperties } from 'n8n-workflow';

import { customerApiOptionsProperty, showFor } from '../../../shared/description';
import { historyFiltersProperty } from '../../../shared/history/filters';
import type { OperationOption } from '../../../shared/operation';
import { describeLength } from '../../../shared/text';
import { SEARCH_BY, historyCustomerIdField, historyUuidField } from './schema';

export const option: OperationOption = {
	name: 'Get Customer Rooms',
	value: 'getCustomerRooms',
	description: "Get a customer's counseling rooms with their messages, one item per room",
	action: "Get a customer's counseling rooms",
};

const getCustomerRooms = showFor('history', 'getCustomerRooms');

export const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: SEARCH_BY.map(({ name, value }) => ({ name, value })),
		default: 'uuid',
		displayOptions: getCustomerRooms,
	},
	{
		displayName: historyUuidField.label,
		name: historyUuidField.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer_1234',
		description:
			"The customer's UUID, as the Biz API knows it (uuid from an earlier HappyTalk node), sent exactly as given. Not a room's customer_uuid: that one starts with HappyTalk's site number and _.",
		hint: describeLength(historyUuidField),
		displayOptions: showFor('history', 'getCustomerRooms', { searchBy: ['uuid'] }),
	},
	{
		displayName: historyCustomerIdField.label,
		name: historyCustomerIdField.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'member42',
		description: "The customer's ID in HappyTalk (a room's users_id). HappyTalk documents no date, status or sort filters for this search.",
		hint: describeLength(historyCustomerIdField),
		displayOptions: showFor('history', 'getCustomerRooms', { searchBy: ['customerId'] }),
	},
	historyFiltersProperty(showFor('history', 'getCustomerRooms', { searchBy: ['uuid'] })),
	customerApiOptionsProperty(getCustomerRooms),
];
