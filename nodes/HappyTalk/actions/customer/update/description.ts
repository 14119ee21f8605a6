import type { INodeProperties } from 'n8n-workflow';

import { customerApiOptionsProperty, roomIdProperty, showFor } from '../../../shared/description';
import { customerApiUuidField } from '../../../shared/fields';
import type { OperationOption } from '../../../shared/operation';
import { describeLength } from '../../../shared/text';
import {
	BIRTH_TYPES,
	SCENARIO_NEXT,
	UPDATE_CATEGORY_ID_DIGITS,
	UPDATE_CUSTOM_PARAMETER_COUNT,
	phoneField,
	updateCustomParameterField,
	updateTextFields,
} from './schema';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	description: "Change the customer information attached to a customer's room",
	action: 'Update a customer',
};

const update = showFor('customer', 'update');

const textFields: INodeProperties[] = Object.values(updateTextFields).map((field) => ({
	displayName: field.label,
	name: field.parameter,
	type: 'string',
	default: '',
	description: field.description,
	hint: describeLength(field),
}));

const categoryFields: INodeProperties[] = [
	{ name: 'categoryId', label: 'Category ID', description: 'Main counseling category' },
	{ name: 'divisionId', label: 'Division ID', description: 'Counseling sub-category' },
].map(({ name, label, description }) => ({
	displayName: label,
	name,
	type: 'string',
	default: '',
	placeholder: '80101',
	description,
	hint: `A whole number of at most ${UPDATE_CATEGORY_ID_DIGITS} digits`,
}));

export const properties: INodeProperties[] = [
	{
		displayName: customerApiUuidField.label,
		name: customerApiUuidField.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer_1234',
		description:
			"The customer's UUID (uuid from an earlier HappyTalk node), sent exactly as given. Not a room's customer_uuid: that one starts with HappyTalk's site number and _.",
		hint: describeLength(customerApiUuidField),
		displayOptions: update,
	},
	{ ...roomIdProperty(update), description: "One of the customer's rooms (roomId from an earlier HappyTalk node)" },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: update,
		options: [
			...textFields,
			...categoryFields,
			{
				displayName: phoneField.label,
				name: phoneField.parameter,
				type: 'string',
				default: '',
				placeholder: '01012345678',
				hint: `Digits only, ${describeLength(phoneField)}`,
			},
			{
				displayName: 'Birthday',
				name: 'birthday',
				type: 'dateTime',
				default: '',
				description: 'Sent as the day (Y-m-d)',
			},
			{
				displayName: 'Birthday Type',
				name: 'birthType',
				type: 'options',
				options: BIRTH_TYPES.map(({ name, value }) => ({ name, value })),
				default: '0',
				description: 'Whether the birthday is a solar or a lunar date',
			},
			{
				displayName: 'Call Next Chatbot Scenario',
				name: 'scenarioNext',
				type: 'options',
				options: SCENARIO_NEXT.map(({ name, value }) => ({ name, value })),
				default: 'N',
				description: "Whether HappyTalk calls the chatbot's next scenario (scenario_next)",
			},
			{
				displayName: 'Custom Parameters',
				name: 'customParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, maxAllowedFields: UPDATE_CUSTOM_PARAMETER_COUNT },
				default: {},
				placeholder: 'Add Parameter',
				description: `Your own values, sent as parameter1 … parameter${UPDATE_CUSTOM_PARAMETER_COUNT} in this order`,
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								hint: describeLength(updateCustomParameterField),
							},
						],
					},
				],
			},
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	customerApiOptionsProperty(update),
];
