import type { INodeProperties } from 'n8n-workflow';

import { customerUuidProperty, optionsProperty, showFor } from '../../../shared/description';
import type { OperationOption } from '../../../shared/operation';
import { describeLength } from '../../../shared/text';
import { companyCustomerIdField } from './schema';

export const option: OperationOption = {
	name: 'Check Previous',
	value: 'checkPrevious',
	description: "Ask whether the customer's previous counselor exists and can take the chat",
	action: 'Check the previous counselor',
};

const checkPrevious = showFor('counselor', 'checkPrevious');

export const properties: INodeProperties[] = [
	customerUuidProperty(checkPrevious),
	{
		displayName: companyCustomerIdField.label,
		name: companyCustomerIdField.parameter,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'C-000123',
		description: "The customer's ID in your company's system (HappyTalk's customer_id)",
		hint: describeLength(companyCustomerIdField),
		displayOptions: checkPrevious,
	},
	optionsProperty(checkPrevious),
];
