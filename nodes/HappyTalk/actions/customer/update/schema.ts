import { z } from 'zod';

import { oneOf } from '../../../shared/choices';
import { customerApiUuidField, orderFields, roomIdField } from '../../../shared/fields';
import { realDay } from '../../../shared/history/filters.schema';
import { boundedText, type FieldSpec } from '../../../shared/text';

/**
 * `set_user_info`: every field and its limit, once. The spec documents lengths only for the
 * custom parameters (20) and user_parameter (200); the other bounds are the Biz API's for the same
 * field where it has one, else ours (see docs/decisions.md).
 */
export const updateTextFields = {
	users_id: { parameter: 'customerId', label: 'Customer ID', min: 1, max: 100, description: "The customer's ID in HappyTalk (users_id); the UUID does not change" },
	username: { parameter: 'name', label: 'Name', min: 1, max: 100, description: "The customer's name" },
	email: { parameter: 'email', label: 'Email', min: 3, max: 100, description: "The customer's email address" },
	sex: { parameter: 'sex', label: 'Sex', min: 1, max: 10, description: 'HappyTalk does not document the values; for example M or F' },
	...orderFields,
	user_parameter: { parameter: 'userParameter', label: 'User Parameter', min: 1, max: 200, description: "HappyTalk's user variable" },
} as const satisfies Record<string, FieldSpec & { description: string }>;

export const phoneField = { parameter: 'phone', label: 'Phone', min: 1, max: 20 } as const satisfies FieldSpec;
export const updateCustomParameterField = { parameter: 'customParameters', label: 'Custom Parameter', min: 1, max: 20 } as const satisfies FieldSpec;
export const UPDATE_CUSTOM_PARAMETER_COUNT = 10;
/** Category ids are whole numbers (the Biz API's int(11)); sent as text, as the customer API writes them. */
export const UPDATE_CATEGORY_ID_DIGITS = 11;

export const BIRTH_TYPES = [
	{ value: '0', name: 'Solar' },
	{ value: '1', name: 'Lunar' },
] as const;
export const SCENARIO_NEXT = [
	{ value: 'N', name: 'No' },
	{ value: 'Y', name: 'Yes' },
] as const;

const customParameterKeys = Array.from({ length: UPDATE_CUSTOM_PARAMETER_COUNT }, (_, i) => `parameter${i + 1}`);
const categoryId = z
	.string({ invalid_type_error: 'must be a whole number' })
	.regex(new RegExp(`^\\d{1,${UPDATE_CATEGORY_ID_DIGITS}}$`), `must be a whole number of at most ${UPDATE_CATEGORY_ID_DIGITS} digits`);
export const setUserInfoBody = z
	.object({
		uuid: boundedText(customerApiUuidField),
		room_id: boundedText(roomIdField),
		...(Object.fromEntries(
			Object.entries(updateTextFields).map(([wire, field]) => [wire, boundedText(field).optional()]),
		) as Record<keyof typeof updateTextFields, z.ZodOptional<ReturnType<typeof boundedText>>>),
		email: boundedText(updateTextFields.email)
			.refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'must be an email address like name@example.com')
			.optional(),
		phone: boundedText(phoneField).refine((value) => /^\d+$/.test(value), 'must be digits only, without - (for example 01012345678)').optional(),
		birthday: realDay.optional(),
		birth_type: oneOf(BIRTH_TYPES).optional(),
		category_id: categoryId.optional(),
		division_id: categoryId.optional(),
		scenario_next: oneOf(SCENARIO_NEXT).optional(),
		...(Object.fromEntries(
			customParameterKeys.map((key) => [key, boundedText(updateCustomParameterField).optional()]),
		) as Record<string, z.ZodOptional<ReturnType<typeof boundedText>>>),
	})
	.strict();

/** Wire field → how the user knows it, for error messages. */
export const setUserInfoWireFields: Record<string, { parameter: string; label: string }> = {
	uuid: customerApiUuidField,
	room_id: roomIdField,
	...Object.fromEntries(
		Object.entries(updateTextFields).map(([wire, field]) => [wire, { parameter: `updateFields.${field.parameter}`, label: field.label }]),
	),
	phone: { parameter: 'updateFields.phone', label: phoneField.label },
	birthday: { parameter: 'updateFields.birthday', label: 'Birthday' },
	birth_type: { parameter: 'updateFields.birthType', label: 'Birthday Type' },
	category_id: { parameter: 'updateFields.categoryId', label: 'Category ID' },
	division_id: { parameter: 'updateFields.divisionId', label: 'Division ID' },
	scenario_next: { parameter: 'updateFields.scenarioNext', label: 'Call Next Chatbot Scenario' },
	...Object.fromEntries(
		customParameterKeys.map((key, i) => [
			key,
			{ parameter: `updateFields.customParameters[${i}]`, label: `${updateCustomParameterField.label} ${i + 1}` },
		]),
	),
};
