import type { INodeProperties } from 'n8n-workflow';

import { customerUuidProperty, optionsProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { describeLength } from '../../../shared/text';
import {
	CATEGORY_ID_MAX,
	CUSTOM_PARAMETER_COUNT,
	PHONE_OS,
	customParameterField,
	openRoomNumberFields,
	openRoomTextFields,
} from './schema';

export const option: OperationOption = {
	name: 'Open',
	value: 'open',
	description: 'Open a counseling room for a customer, to hand the chat to a counselor',
	action: 'Open a room',
};

const open = showFor('room', 'open');

const textFields: INodeProperties[] = Object.values(openRoomTextFields).map((field) => ({
	displayName: field.label,
	name: field.parameter,
	type: 'string',
	default: '',
	description: field.description,
	hint: `At most ${field.max} characters`,
}));

// Text, not number: a number field cannot be left empty, and empty means "HappyTalk's default".
const numberFields: INodeProperties[] = Object.values(openRoomNumberFields).map((field) => ({
	displayName: field.label,
	name: field.parameter,
	type: 'string',
	default: '',
	placeholder: '12',
	description: field.description,
	hint: `A whole number of at most ${String(CATEGORY_ID_MAX).length} digits`,
}));

export const properties: INodeProperties[] = [
	customerUuidProperty(open),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: open,
		options: [
			...textFields,
			...numberFields,
			{
				displayName: 'Phone OS',
				name: 'phoneOs',
				type: 'options',
				options: PHONE_OS.map(({ name, value }) => ({ name, value })),
				default: 'W',
				description: "The customer's device; HappyTalk assumes Web when empty",
			},
			{
				displayName: 'Custom Parameters',
				name: 'customParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, maxAllowedFields: CUSTOM_PARAMETER_COUNT },
				default: {},
				placeholder: 'Add Parameter',
				description: `Your own values, sent as parameter1 … parameter${CUSTOM_PARAMETER_COUNT} in this order`,
				options: [
					{
						displayName: 'Custom Parameter',
						name: 'parameter',
						values: [
							{
								displayName: 'Sent As',
								name: 'number',
								type: 'options',
								options: [
									{ name: 'Next Free Parameter (in This Order)', value: 0 },
									...Array.from({ length: CUSTOM_PARAMETER_COUNT }, (_, i) => ({
										name: `parameter${i + 1}`,
										value: i + 1,
									})),
								],
								default: 0,
								description: 'Which of HappyTalk\'s parameter1 … parameter10 carries this value',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								hint: describeLength(customParameterField),
							},
						],
					},
				],
			},
			{
				displayName: 'Force New Room',
				name: 'forceNewRoom',
				type: 'boolean',
				default: false,
				description:
					"Whether to open a new room even when the customer already has one in progress (HappyTalk's is_room_create_force)",
			},
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	optionsProperty(open, [
		{
			displayName: 'Counseling Unavailable Is an Error',
			name: 'unavailableAsError',
			type: 'boolean',
			default: false,
			description:
				'Whether answers -900 to -904 (no counseling now: out of hours, no counselor free, limit reached) stop the node as errors. Off: they come out as a normal item with opened false, the reason and HappyTalk\'s notice.',
		},
	]),
];
