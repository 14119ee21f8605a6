import { z } from 'zod/v3';

import { customerApiUuidField } from '../../../shared/fields';
import { boundedText, type FieldSpec } from '../../../shared/text';

export const SEARCH_BY = [
	{ value: 'uuid', name: 'Customer UUID' },
	{ value: 'customerId', name: 'Customer ID' },
] as const;

export const historyUuidField = customerApiUuidField;
/** The customer's ID in HappyTalk (`users_id`, `userid`); no length in the spec either. */
export const historyCustomerIdField = { parameter: 'customerId', label: 'Customer ID', min: 1, max: 100 } as const satisfies FieldSpec;

export const roomsByUuidBody = z.object({ uuid: boundedText(historyUuidField) }).strict();
export const roomsByCustomerIdBody = z.object({ userid: boundedText(historyCustomerIdField) }).strict();

export const getCustomerRoomsWireFields = { uuid: historyUuidField, userid: historyCustomerIdField };
