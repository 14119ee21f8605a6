/**
 * The demo terminal's news from workflows that run without a customer line, e.g. the counseling
 * transcript example: n8n's REST API lists a workflow's executions; each new one is printed once
 * (the transcript example works silently otherwise: it writes to a data table).
 */
const POLL_MS = 5000;
const UNFINISHED = new Set(['new', 'running', 'waiting']);

function watchExecutions({ url, cookie, workflowId, describe, log, pollMs = POLL_MS }) {
	const seen = new Set();
	let first = true;
	let stopped = false;
	let timer;
	const poll = async () => {
		try {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const response = await fetch(`${url}/rest/executions?filter=${filter}&limit=20`, { headers: { cookie } });
			if (response.ok) {
				const { data } = await response.json();
				const finished = (data?.results ?? []).filter((execution) => !UNFINISHED.has(execution.status));
				for (const execution of finished.reverse()) {
					if (seen.has(execution.id)) continue;
					seen.add(execution.id);
					// Runs from before this start are not news.
					if (!first) log(describe(execution));
				}
				first = false;
			}
		} catch {
			// n8n is starting or stopping: try again at the next poll.
		}
		if (!stopped) timer = setTimeout(poll, pollMs);
	};
	poll();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}

/** The terminal's line for one run of the counseling transcript example. */
function transcriptNews(execution) {
	return execution.status === 'success'
		? `  [transcript] a completed counseling was saved to the data table "HappyTalk transcripts" (execution ${execution.id})`
		: `  [transcript] the counseling transcript example failed (execution ${execution.id}, ${execution.status}): open it in n8n's Executions`;
}

module.exports = { watchExecutions, transcriptNews };
