import { z } from 'zod/v3';

import { customerUuidField, orderFields } from '../../../shared/fields';
import { boundedText, type FieldSpec } from '../../../shared/text';

/** `POST /v1/chat/open` (spec: create_counseling): every optional field and its limit, once. */
export const OPEN_ROOM_ENDPOINT = '/v1/chat/open';

/** Optional text fields, by wire name; `parameter` is the key under "Additional Fields". */
export const openRoomTextFields = {
	site_uid: { parameter: 'siteUid', label: 'Site Member Number', min: 1, max: 100, description: "The customer's member number on your site" },
	title: { parameter: 'title', label: 'Title', min: 1, max: 100, description: 'Title of the counseling room' },
	phone_model: { parameter: 'phoneModel', label: 'Phone Model', min: 1, max: 20, description: "The customer's device model" },
	phone_os_ver: { parameter: 'phoneOsVersion', label: 'Phone OS Version', min: 1, max: 20, description: "The device's operating system version" },
	phone_telecomm: { parameter: 'phoneTelecom', label: 'Mobile Carrier', min: 1, max: 20, description: "The customer's mobile carrier" },
	app_hash: { parameter: 'appHash', label: 'App Hash', min: 1, max: 150, description: 'Identifier of your app' },
	...orderFields,
	parcel_company_type: { parameter: 'parcelCompanyType', label: 'Courier Type', min: 1, max: 2, description: "HappyTalk's courier type code" },
	parcel_company_code: { parameter: 'parcelCompanyCode', label: 'Courier Code', min: 1, max: 2, description: "HappyTalk's courier code" },
} as const satisfies Record<string, FieldSpec & { description: string }>;

/** Counseling category ids: integers of at most 11 digits (spec: int(11)). */
export const CATEGORY_ID_MAX = 99999999999;

export const openRoomNumberFields = {
	category_id: { parameter: 'categoryId', label: 'Category ID', description: 'Counseling category; HappyTalk uses the first category when empty' },
	division_id: { parameter: 'divisionId', label: 'Division ID', description: 'Counseling sub-category; HappyTalk uses the first one when empty' },
} as const;

export const PHONE_OS = [
	{ value: 'W', name: 'Web' },
	{ value: 'A', name: 'Android' },
	{ value: 'I', name: 'iPhone' },
] as const;

/** parameter1 … parameter10: the company's own values, 20 characters each. */
export const customParameterField = {
	parameter: 'customParameters',
	label: 'Custom Parameter',
	min: 1,
	max: 20,
} as const satisfies FieldSpec;
export const CUSTOM_PARAMETER_COUNT = 10;

const customParameterKeys = Array.from({ length: CUSTOM_PARAMETER_COUNT }, (_, i) => `parameter${i + 1}`);

/** Wire field → how the user knows it, for error messages. */
export const openRoomWireFields: Record<string, { parameter: string; label: string }> = {
	uuid: customerUuidField,
	...Object.fromEntries(
		Object.entries({ ...openRoomTextFields, ...openRoomNumberFields }).map(([wire, field]) => [
			wire,
			{ parameter: `additionalFields.${field.parameter}`, label: field.label },
		]),
	),
	phone_os: { parameter: 'additionalFields.phoneOs', label: 'Phone OS' },
	is_room_create_force: { parameter: 'additionalFields.forceNewRoom', label: 'Force New Room' },
	...Object.fromEntries(
		customParameterKeys.map((key, i) => [
			key,
			{ parameter: `additionalFields.customParameters[${i}]`, label: `${customParameterField.label} ${i + 1}` },
		]),
	),
};

const categoryId = z
	.number({ invalid_type_error: 'must be a whole number' })
	.int('must be a whole number')
	.min(0, 'must not be negative')
	.max(CATEGORY_ID_MAX, `must have at most ${String(CATEGORY_ID_MAX).length} digits`);

export const openRoomBody = z
	.object({
		uuid: boundedText(customerUuidField),
		...(Object.fromEntries(
			Object.entries(openRoomTextFields).map(([wire, field]) => [wire, boundedText(field).optional()]),
		) as Record<keyof typeof openRoomTextFields, z.ZodOptional<ReturnType<typeof boundedText>>>),
		category_id: categoryId.optional(),
		division_id: categoryId.optional(),
		phone_os: z
			.enum(PHONE_OS.map((os) => os.value) as [string, ...string[]], {
				errorMap: () => ({ message: `must be one of ${PHONE_OS.map((os) => `${os.value} (${os.name})`).join(', ')}` }),
			})
			.optional(),
		is_room_create_force: z.enum(['T', 'N']).optional(),
		...(Object.fromEntries(
			customParameterKeys.map((key) => [key, boundedText(customParameterField).optional()]),
		) as Record<string, z.ZodOptional<ReturnType<typeof boundedText>>>),
	})
	.strict();

export type OpenRoomBody = z.infer<typeof openRoomBody>;
