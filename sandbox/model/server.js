'use strict';

const http = require('http');

const { chatCompletion, chatCompletionEvents, response, responseEvents } = require('./answers');
const { fromChatCompletions, fromResponses } = require('./conversation');
const { defaultTurn } = require('./replier');

const MODEL_IDS = ['gpt-5-mini', 'gpt-4.1-mini', 'gpt-4o-mini'];

/**
 * A stand-in for an OpenAI-compatible model, so n8n's AI Agent runs without a key: it answers
 * `POST /v1/chat/completions` and `POST /v1/responses` (plain or streamed) and `GET /v1/models`.
 * Each answer is the next queued script step, else the default replier. Every request is recorded
 * as the conversation the model was sent. Plain Node.js, never imports the node's code.
 *
 * Resolves { url (the OpenAI base URL, ending in /v1), port, requests, script(steps), reset(), close() }.
 * A step is a turn (`{ toolCalls: [{ name, arguments }] }` or `{ text }`) or a function of the
 * conversation that returns one.
 */
async function startModelStandIn({ host = '127.0.0.1', port = 0, onRequest } = {}) {
	const requests = [];
	const steps = [];
	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => send(res, 500, { error: { message: String(error.message), type: 'server_error' } }));
	});

	async function handle(req, res) {
		const path = new URL(req.url, 'http://stand-in').pathname.replace(/\/+$/, '');
		if (req.method === 'GET' && path === '/v1/models') {
			return send(res, 200, { object: 'list', data: MODEL_IDS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'stand-in' })) });
		}
		const readers = { '/v1/chat/completions': fromChatCompletions, '/v1/responses': fromResponses };
		if (req.method !== 'POST' || !readers[path]) {
			return send(res, 404, { error: { message: `The model stand-in does not serve ${req.method} ${path}`, type: 'invalid_request_error' } });
		}
		const body = JSON.parse((await readAll(req)) || '{}');
		const conversation = { path, ...readers[path](body) };
		requests.push(conversation);
		const step = steps.length ? steps.shift() : defaultTurn;
		const turn = typeof step === 'function' ? step(conversation) : step;
		conversation.answer = turn;
		if (onRequest) onRequest(conversation);
		const model = body.model ?? MODEL_IDS[0];
		const isChat = path === '/v1/chat/completions';
		if (conversation.stream) {
			return stream(res, isChat ? chatCompletionEvents(turn, model) : responseEvents(turn, model), isChat);
		}
		return send(res, 200, isChat ? chatCompletion(turn, model) : response(turn, model));
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address();
	return {
		url: `http://${host}:${address.port}/v1`,
		port: address.port,
		requests,
		script(...turns) {
			steps.push(...turns);
		},
		reset() {
			requests.length = 0;
			steps.length = 0;
		},
		close: () => new Promise((resolve) => {
			server.closeAllConnections?.();
			server.close(() => resolve());
		}),
	};
}

function readAll(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function stream(res, events, withDone) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	for (const event of events) {
		res.write(`${event.type && !withDone ? `event: ${event.type}\n` : ''}data: ${JSON.stringify(event)}\n\n`);
	}
	if (withDone) res.write('data: [DONE]\n\n');
	res.end();
}

module.exports = { startModelStandIn, MODEL_IDS };
