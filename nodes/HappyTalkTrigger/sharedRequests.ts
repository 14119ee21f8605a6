/**
 * Requests to n8n shared by the messages of a burst, one in flight per key.
 *
 * `fresh`: a caller gets the result of a request that started after it called, never an older
 * one. A burst of N callers costs at most two requests (the one in flight when the burst began,
 * which it cannot use, and the next), not N. Why: the caller asks what n8n's database holds now (a
 * reply's waiting execution paused before the reply came); a request begun earlier may have missed
 * that pause.
 *
 * `any`: a caller takes the request in flight, whenever it began, or starts one: for what a caller
 * can check and complete on its own.
 */
export class SharedRequests<T> {
	private readonly inFlight = new Map<string, Promise<T>>();
	private readonly queued = new Map<string, Promise<T>>();

	/** The result of `request` for `key`, from a request that starts now or later. */
	fresh(key: string, request: () => Promise<T>): Promise<T> {
		const queued = this.queued.get(key);
		if (queued) return queued;
		const running = this.inFlight.get(key);
		if (!running) return this.start(key, request);
		const start = () => {
			this.queued.delete(key);
			return this.start(key, request);
		};
		const next = running.then(start, start);
		this.queued.set(key, next);
		return next;
	}

	/** The request in flight for `key`, or a new one. */
	any(key: string, request: () => Promise<T>): Promise<T> {
		return this.inFlight.get(key) ?? this.start(key, request);
	}

	private start(key: string, request: () => Promise<T>): Promise<T> {
		// A request that throws at once fails its callers like one that fails later.
		const started = new Promise<T>((resolve) => resolve(request()));
		this.inFlight.set(key, started);
		const done = () => this.inFlight.get(key) === started && this.inFlight.delete(key);
		started.then(done, done);
		return started;
	}
}
