'use strict';

// `npm run sandbox`: runs the sandbox in the foreground and prints one line per request.
const { startSandbox } = require('./server');
const { COUNSELING_CODES } = require('./options');
const { readCustomerLines, testUrlFor, LINE_FORMAT } = require('./cliCustomer');
const { printConversation } = require('./conversation');

const DEFAULT_PORT = 8787;

function readFlag(args, name) {
	const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
	if (index === -1) return undefined;
	const arg = args[index];
	return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

function hasFlag(args, name) {
	return args.includes(name);
}

// 'available', or one of the -900..-904 codes that open then answers.
function toCounseling(text) {
	if (text === 'available') return text;
	const code = Number(text);
	if (!COUNSELING_CODES.includes(code)) {
		throw new Error(`counseling must be available or one of ${COUNSELING_CODES.join(', ')}, got ${JSON.stringify(text)}`);
	}
	return code;
}

function toNumber(text, what) {
	const value = Number(text);
	if (text === undefined || text === '' || !Number.isInteger(value) || value < 0) {
		throw new Error(`${what} must be a whole number, got ${JSON.stringify(text)}`);
	}
	return value;
}

// --rate-limit N [--retry-after S]: null without --rate-limit; --retry-after alone is a mistake.
function toRateLimit(perSecondText, retryAfterText) {
	if (perSecondText === undefined) {
		if (retryAfterText !== undefined) throw new Error('--retry-after needs --rate-limit N');
		return null;
	}
	const perSecond = toNumber(perSecondText, 'rate limit');
	if (perSecond < 1) throw new Error('rate limit must be at least 1 request per second');
	const limit = { perSecond };
	if (retryAfterText !== undefined) limit.retryAfterSeconds = toNumber(retryAfterText, 'retry-after');
	return limit;
}

// --history-readings '{"pageCap": 20, "maxSpanDays": 1}': the customer API's open points (historyReadings.js).
function toHistoryReadings(text) {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new Error(`--history-readings must be a JSON object, got ${JSON.stringify(text)}`);
	}
}

function describe(record) {
	// Unanswered requests (hang, client gave up) show how long they were open.
	const ms = (record.answeredAt ?? Date.now()) - record.receivedAt;
	let result;
	if (record.outcome === 'answered') {
		const code = record.code === null ? 'no JSON code' : `code ${record.code}`;
		result = `${code} (HTTP ${record.status})`;
	} else {
		result = record.outcome;
	}
	const fault = record.fault ? ` [fault: ${record.fault}]` : '';
	const reason = record.reason && !record.fault ? `  ${record.reason}` : '';
	return `${new Date(record.receivedAt).toISOString()} ${record.method} ${record.url} -> ${result} ${ms} ms${fault}${reason}`;
}

function describeRateLimit(limit) {
	if (limit === null) return 'none';
	const retryAfter = limit.retryAfterSeconds ?? 1;
	return `${limit.perSecond} requests per second, then HTTP 429 with Retry-After: ${retryAfter} (our emulation)`;
}

async function main() {
	const args = process.argv.slice(2);
	const portText = readFlag(args, '--port') ?? process.env.HAPPYTALK_SANDBOX_PORT;
	const port = portText === undefined ? DEFAULT_PORT : toNumber(portText, 'port');
	const latencyText = readFlag(args, '--latency');
	const latencyMs = latencyText === undefined ? 0 : toNumber(latencyText, 'latency');
	const strictRooms = hasFlag(args, '--strict-rooms');
	const counselingText = readFlag(args, '--counseling') ?? readFlag(args, '--counselling');
	const counseling = counselingText === undefined ? 'available' : toCounseling(counselingText);
	const receiveUrl = readFlag(args, '--receive-url') ?? (process.env.HAPPYTALK_SANDBOX_RECEIVE_URL || undefined);
	const rateLimit = toRateLimit(readFlag(args, '--rate-limit'), readFlag(args, '--retry-after'));
	const historyReadings = toHistoryReadings(readFlag(args, '--history-readings'));
	const sandbox = await startSandbox({
		host: '127.0.0.1',
		port,
		latencyMs,
		strictRooms,
		counseling,
		receiveUrl,
		rateLimit,
		historyReadings,
		clientId: process.env.HAPPYTALK_SANDBOX_CLIENT_ID || undefined,
		clientSecret: process.env.HAPPYTALK_SANDBOX_CLIENT_SECRET || undefined,
		companyToken: process.env.HAPPYTALK_SANDBOX_COMPANY_TOKEN || undefined,
	});

	// The secret printed here is the sandbox's own dummy key, meant to be pasted into n8n.
	console.log(`HappyTalk sandbox (Biz API and customer API) listening on ${sandbox.url}`);
	console.log(`  HT-Client-Id:     ${sandbox.clientId}`);
	console.log(`  HT-Client-Secret: ${sandbox.clientSecret}`);
	console.log(`  Company token:    ${sandbox.companyToken}   (customer API, /user/api/…)`);
	console.log(`  latency:          ${latencyMs} ms`);
	console.log(`  rooms:            ${strictRooms ? 'strict (write to an unknown room: -702)' : 'lenient (write to an unknown room: accepted)'}`);
	console.log(`  counseling:      ${counseling}`);
	console.log(`  rate limit:       ${describeRateLimit(rateLimit)}`);
	console.log(`  customer API:     ${JSON.stringify(sandbox.setHistoryReadings({}).readings)}`);
	console.log('In n8n: HappyTalk credential, environment "Custom", Base URL ' + sandbox.url + ', and the keys above;');
	console.log('  HappyTalk Customer API credential, environment "Custom", the same Base URL, and the company token.');
	console.log(`Control API: ${sandbox.url}/__sandbox/ (requests, reset, fault, latency, counselor, rooms, counseling,`
		+ ' receive-url, customer-message, customer-messages, rate-limit, stats, history, history/readings, customers). Ctrl+C stops.');
	// Customer messages from stdin only when there is somewhere to send them.
	let stopReading = () => {};
	if (receiveUrl !== undefined) {
		const testReceiveUrl = testUrlFor(receiveUrl);
		console.log(`Customer messages: type "${LINE_FORMAT}" and Enter to POST it to ${receiveUrl.replace(/\/+$/, '')}/message/<uuid>`
			+ (testReceiveUrl ? ` (with "test ": to ${testReceiveUrl.replace(/\/+$/, '')}/message/<uuid>).` : '.'));
		stopReading = readCustomerLines(sandbox, process.stdin, (line) => console.log(line), { testReceiveUrl });
		printConversation(sandbox, (line) => console.log(line));
	}
	console.log('');

	sandbox.on('request', (record) => console.log(describe(record)));

	let stopping = false;
	const stop = async (signal) => {
		if (stopping) process.exit(1);
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		stopReading();
		await sandbox.close();
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
	const hint = error.code === 'EADDRINUSE'
		? ' (the port is taken, probably by another sandbox or `npm start`: stop it, or pick another port with --port N or HAPPYTALK_SANDBOX_PORT=N)'
		: '';
	console.error(`sandbox: ${error.message}${hint}`);
	process.exitCode = 1;
});
