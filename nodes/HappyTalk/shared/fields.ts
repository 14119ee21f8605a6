import type { FieldSpec } from './text';

/**
 * HappyTalk's customer uuid: 5 to 20 characters (every Biz API table), letters, digits and `_`
 * (the receive webhook's description). The node, the trigger's path and the sandbox apply this rule.
 */
export const CUSTOMER_UUID_CHARACTERS = {
	pattern: /^[A-Za-z0-9_]+$/,
	text: 'letters A-Z and a-z, digits and _',
} as const;

/** Fields that several Biz API calls share, with the spec's limits. */
export const customerUuidField = {
	parameter: 'uuid',
	label: 'Customer UUID',
	min: 5,
	max: 20,
	characters: CUSTOMER_UUID_CHARACTERS,
} as const satisfies FieldSpec;

/** Whether a value is a customer uuid by the one rule (the trigger checks its path with it). */
export function isCustomerUuid(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		value.length >= customerUuidField.min &&
		value.length <= customerUuidField.max &&
		CUSTOMER_UUID_CHARACTERS.pattern.test(value)
	);
}

export const roomIdField = {
	parameter: 'roomId',
	label: 'Room ID',
	min: 1,
	max: 30,
} as const satisfies FieldSpec;
