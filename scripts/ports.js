/**
 * `npm start` needs three ports. When one is taken, say which, what probably holds it, and which
 * variable picks another, instead of a raw EADDRINUSE.
 */
const net = require('node:net');

function isFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A guess at the holder, from what answers on the port. */
async function holderOf(port) {
	const answers = async (path) => {
		try {
			const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1500) });
			return response.ok ? await response.text() : null;
		} catch {
			return null;
		}
	};
	if (/"peakInFlight"/.test((await answers('/__sandbox/stats')) ?? '')) return 'a HappyTalk sandbox, probably another `npm start` or `npm run sandbox`';
	if (/"status"\s*:\s*"ok"/.test((await answers('/healthz')) ?? '')) return 'an n8n, probably another `npm start`';
	return 'another program (`ss -ltnp` or `lsof -i :PORT` shows which)'.replace('PORT', String(port));
}

/** `wanted`: [{ port, purpose, variable }]. Throws one message naming every taken port. */
async function ensurePortsFree(wanted) {
	const problems = [];
	for (const { port, purpose, variable } of wanted) {
		if (await isFree(port)) continue;
		problems.push(`Port ${port} (${purpose}) is taken by ${await holderOf(port)}. Stop it, or choose another port: ${variable}.`);
	}
	if (problems.length > 0) throw new Error(problems.join('\n  '));
}

module.exports = { ensurePortsFree };
