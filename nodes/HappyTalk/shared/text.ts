import { z } from 'zod/v3';

/** A length rule from the spec. `label` and `parameter` name the field the way the user sees it. */
export interface FieldSpec {
	/** The node parameter that feeds this field. */
	readonly parameter: string;
	/** The parameter's display name in the editor. */
	readonly label: string;
	readonly min: number;
	readonly max: number;
	/** Which characters HappyTalk accepts, when it limits them: a test and the words for it. */
	readonly characters?: { readonly pattern: RegExp; readonly text: string };
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

/** The whole rule, for hints and documents: length, and the characters when they are limited. */
export function describeRule(spec: FieldSpec): string {
	return spec.characters ? `${describeLength(spec)}: ${spec.characters.text}` : describeLength(spec);
}

export function boundedText(spec: FieldSpec) {
	return z
		.string({
			errorMap: (issue, ctx) => ({
				message:
					ctx.data === undefined || ctx.data === null
						? 'is required'
						: typeof ctx.data === 'number'
							? `must be text; got the number ${ctx.data} (whole numbers up to ${Number.MAX_SAFE_INTEGER} become text by themselves; pass any other number as text)`
							: issue.code === 'invalid_type'
								? 'must be text'
								: ctx.defaultError,
			}),
		})
		.superRefine((value, ctx) => {
			const length = countCharacters(value);
			if (length < spec.min || length > spec.max) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `must be ${describeLength(spec)} long; got ${length === 0 ? 'an empty value' : `${length} character${length === 1 ? '' : 's'}`}`,
				});
			} else if (spec.characters && !spec.characters.pattern.test(value)) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `may hold only ${spec.characters.text}; got ${JSON.stringify(value)}`,
				});
			}
		});
}

/**
 * A bounded text that must also be an absolute http(s) URL, without spaces: HappyTalk's side
 * refuses a space anywhere in it (encode one as %20).
 */
export function httpUrl(spec: FieldSpec) {
	return boundedText(spec).superRefine((value, ctx) => {
		if (/\s/.test(value)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must not contain spaces (write a space as %20)' });
			return;
		}
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
