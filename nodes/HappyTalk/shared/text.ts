import { z } from 'zod';

/** A length rule from the spec. `label` and `parameter` name the field the way the user sees it. */
export interface FieldSpec {
	/** The node parameter that feeds this field. */
	readonly parameter: string;
	/** The parameter's display name in the editor. */
	readonly label: string;
	readonly min: number;
	readonly max: number;
}

/**
 * Lengths count Unicode characters (code points), so '한' and '😀' are one each. HappyTalk's
 * documents leave this open; counting characters matches what a Korean user sees.
 */
export function countCharacters(value: string): number {
	return [...value].length;
}

export function describeLength(spec: FieldSpec): string {
	return spec.min === spec.max
		? `exactly ${spec.max} characters`
		: `${spec.min} to ${spec.max} characters`;
}

export function boundedText(spec: FieldSpec) {
	return z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.superRefine((value, ctx) => {
			const length = countCharacters(value);
			if (length < spec.min || length > spec.max) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `must be ${describeLength(spec)} long; got ${length === 0 ? 'an empty value' : `${length} character${length === 1 ? '' : 's'}`}`,
				});
			}
		});
}

/** A bounded text that must also be an absolute http(s) URL. */
export function httpUrl(spec: FieldSpec) {
	return boundedText(spec).superRefine((value, ctx) => {
		let protocol: string | undefined;
		try {
			protocol = new URL(value).protocol;
		} catch {
			protocol = undefined;
		}
		if (protocol !== 'http:' && protocol !== 'https:') {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: protocol
					? `must start with http:// or https://; got a ${protocol} URL`
					: 'must be a full URL starting with http:// or https://',
			});
		}
	});
}
