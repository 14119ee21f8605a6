import { z } from 'zod/v3';

import { customerUuidField } from '../../../shared/fields';
import { boundedText, type FieldSpec } from '../../../shared/text';

/** `POST /v1/chat/isCounselor` (spec: check_previous_counselor). */
export const CHECK_PREVIOUS_COUNSELOR_ENDPOINT = '/v1/chat/isCounselor';

export const companyCustomerIdField = {
	parameter: 'customerId',
	label: 'Company Customer ID',
	min: 1,
	max: 20,
} as const satisfies FieldSpec;

export const checkPreviousCounselorWireFields = {
	uuid: customerUuidField,
	customer_id: companyCustomerIdField,
};

export const checkPreviousCounselorBody = z
	.object({
		uuid: boundedText(customerUuidField),
		customer_id: boundedText(companyCustomerIdField),
	})
	.strict();
