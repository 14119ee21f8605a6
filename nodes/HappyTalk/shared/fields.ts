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

/**
 * The customer API's uuid is the same identifier without the site number (customer-api.md): the
 * same rule.
 */
export const customerApiUuidField = customerUuidField;

/**
 * What the customer asks about: the same three fields, with the same limits, in Room → Open
 * (Biz API) and Customer → Update (customer API, whose spec gives no lengths of its own).
 */
export const orderFields = {
	order_number: { parameter: 'orderNumber', label: 'Order Number', min: 1, max: 100, description: 'The order the customer asks about' },
	product_number: { parameter: 'productNumber', label: 'Product Number', min: 1, max: 100, description: 'The product the customer asks about' },
	parcel_number: { parameter: 'parcelNumber', label: 'Parcel Tracking Number', min: 1, max: 40, description: 'Parcel tracking number' },
} as const satisfies Record<string, FieldSpec & { description: string }>;
