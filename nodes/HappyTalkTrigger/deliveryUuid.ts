import { isCustomerUuid } from '../HappyTalk/shared/fields';

/**
 * Which uuid in a delivery's path (`/message/{uuid}`) can be HappyTalk's. Its webhook spec says only
 * "letters, digits, _"; the Biz API's 5 to 20 characters are a rule for requests, and a delivery
 * refused for it is lost (HappyTalk does not say it retries). So the trigger takes every id of
 * letters (any script), digits and the characters that ids and URLs use unencoded, of a length an
 * id can have, and marks whether the Biz API would accept it (`uuidValid`).
 */
export const DELIVERY_UUID_RULE = {
	min: 1,
	max: 128,
	pattern: /^[\p{L}\p{N}_.~@+-]+$/u,
	text: 'letters, digits and _ . ~ @ + -',
} as const;

export type DeliveryUuid = { ok: true; uuid: string; uuidValid: boolean } | { ok: false; problem: string };

export function readDeliveryUuid(value: unknown): DeliveryUuid {
	const { min, max, pattern, text } = DELIVERY_UUID_RULE;
	const length = typeof value === 'string' ? [...value].length : 0;
	if (typeof value !== 'string' || length < min || length > max || !pattern.test(value)) {
		return {
			ok: false,
			problem: `the path must end with /message/{uuid}, the uuid being ${min} to ${max} characters: ${text}`,
		};
	}
	return { ok: true, uuid: value, uuidValid: isCustomerUuid(value) };
}
