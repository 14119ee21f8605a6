import type { FieldSpec } from './text';

/** Fields that several Biz API calls share, with the spec's limits. */
export const customerUuidField = {
	parameter: 'uuid',
	label: 'Customer UUID',
	min: 5,
	max: 20,
} as const satisfies FieldSpec;

export const roomIdField = {
	parameter: 'roomId',
	label: 'Room ID',
	min: 1,
	max: 30,
} as const satisfies FieldSpec;

/**
 * The customer API's uuid: the customer's identifier without the site number. The spec gives no
 * length; this bound only stops obvious mistakes (an empty value, a pasted transcript).
 */
export const customerApiUuidField = {
	parameter: 'uuid',
	label: 'Customer UUID',
	min: 1,
	max: 100,
} as const satisfies FieldSpec;
