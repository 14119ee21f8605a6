/**
 * One request in flight per key, shared by every caller it can answer: a caller gets the result of
 * a request that started after it called, never an older one. A burst of N callers costs at most
 * two requests (the one in flight when the burst began, which it cannot use, and the next), not N.
 *
 * Why "started after": the caller asks what n8n's database holds now (a reply's waiting execution
 * paused before the reply came); a request begun earlier may have missed that pause.
 */
export class FreshShared<T> {
	private readonly inFlight = new Map<string, Promise<T>>();
	private readonly queued = new Map<string, Promise<T>>();

	/** The result of `request` for `key`, from a request that starts now or later. */
	get(key: string, request: () => Promise<T>): Promise<T> {
		const queued = this.queued.get(key);
		if (queued) return queued;
		const running = this.inFlight.get(key);
		const start = () => {
			this.queued.delete(key);
			// A request that throws at once fails its callers like one that fails later.
			const started = new Promise<T>((resolve) => resolve(request()));
			this.inFlight.set(key, started);
			const done = () => this.inFlight.get(key) === started && this.inFlight.delete(key);
			started.then(done, done);
			return started;
		};
		if (!running) return start();
		const next = running.then(start, start);
		this.queued.set(key, next);
		return next;
	}
}
