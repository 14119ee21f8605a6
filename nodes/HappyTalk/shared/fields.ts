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
