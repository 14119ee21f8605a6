/** Waiting in end-to-end tests: for a while, or until something the test watches has happened. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `predicate` every 200 ms for at most `timeoutMs`; resolves with its last answer. */
export async function until(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate() && Date.now() < deadline) await sleep(200);
	return predicate();
}
