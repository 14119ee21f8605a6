/**
 * isCounselor's `counselor_code`: 1 available, 0 not available, -1 HappyTalk's "error"
 * (biz-api.md). JSON does not pin the type down, so the digits as a string count the same.
 */
export const COUNSELOR_CODES = { available: 1, notAvailable: 0, error: -1 } as const;

export function readCounselorCode(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return undefined;
}

/** Why an answer cannot be read as yes or no; undefined when it can. */
export function counselorCodeProblem(value: unknown): string | undefined {
	const code = readCounselorCode(value);
	if (code === COUNSELOR_CODES.error) {
		return 'HappyTalk could not check the previous counselor: it answered counselor_code -1, which its documentation calls an error. Try again later, or contact HappyTalk if it persists.';
	}
	if (code === COUNSELOR_CODES.available || code === COUNSELOR_CODES.notAvailable) return undefined;
	return `HappyTalk answered counselor_code ${JSON.stringify(value)}, which its documentation does not list (1 available, 0 not available, -1 error).`;
}
