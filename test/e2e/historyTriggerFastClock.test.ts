/**
 * The Counseling Trigger in a real n8n on a fast clock: n8n runs under Debian's `faketime` at 20×
 * (a simulated minute every three real seconds, n8n's one-minute poll schedule included), the sandbox's clock
 * keeps pace (setClock { nowMs, speed }). Rooms complete at random simulated times, many opened
 * before midnight (Korea) and completed after it; n8n is stopped and started again around midnight
 * with what it saved. Every room completed after activation must start the workflow exactly once.
 * Skipped where `faketime` is not installed (HAPPYTALK_E2E_FAKETIME=0 skips it too).
 */
import { existsSync } from 'node:fs';

import { prepareRealN8n, type RealN8n } from './realN8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nScripts = require('../../scripts/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SANDBOX_CUSTOMER_CREDENTIAL } = require('../../scripts/demoData');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflows = require('../../scripts/workflows');

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
// 60× does not start: n8n's SQLite pool waits at most 60 s (hard-coded in @n8n/db) for a connection,
// one real second at 60×, and on a busy machine startup took longer, so n8n exited ("operation timed
// out"). At 20× that wait is three real seconds. HAPPYTALK_E2E_FAKETIME_SPEED picks another speed.
const SPEED = Number(process.env.HAPPYTALK_E2E_FAKETIME_SPEED ?? 20);
const MINUTE = 60000;
const WORKFLOW_ID = 'HtE2eFastClock01';
const LOG = { uuid: 'e2e_fast_log', roomId: '9990002' };
// 23:35 in Korea: n8n's start takes some simulated 20 minutes, then midnight comes.
const START = Date.parse('2026-12-02T23:35:00+09:00');
const version = (process.env.HAPPYTALK_E2E_N8N_VERSIONS ?? n8nScripts.N8N_VERSIONS.current).split(',')[0];
const enabled = existsSync(LIBFAKETIME) && process.env.HAPPYTALK_E2E_FAKETIME !== '0';

const korea = (ms: number) => new Date(ms + 9 * 3600000).toISOString().slice(0, 19).replace('T', ' ');

const workflow = {
	id: WORKFLOW_ID,
	name: 'e2e counseling completed, fast clock',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'fast-trigger',
			name: 'Counseling completed',
			type: 'n8n-nodes-happytalk.happyTalkHistoryTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'counselingCompleted', options: {} },
			credentials: { happyTalkCustomerApi: { id: SANDBOX_CUSTOMER_CREDENTIAL.id, name: SANDBOX_CUSTOMER_CREDENTIAL.name } },
		},
		{
			...workflows.sendTextNode({ name: 'Log', message: '={{ "completed " + $json.roomId }}' }),
			id: 'fast-log',
			position: [220, 0],
			parameters: { resource: 'message', operation: 'send', uuid: LOG.uuid, roomId: LOG.roomId, messageType: 'text', message: '={{ "completed " + $json.roomId }}', options: {} },
		},
	],
	connections: { 'Counseling completed': { main: [[{ node: 'Log', type: 'main', index: 0 }]] } },
};

(enabled ? describe : describe.skip)(`n8n ${version} at ${SPEED}× (faketime): HappyTalk Counseling Trigger`, () => {
	let n8n: RealN8n;
	let stopServer: (() => Promise<void>) | undefined;
	const logged = () =>
		n8n.sandbox.requests.filter((request) => request.path === '/v1/chat/write' && request.body?.uuid === LOG.uuid).map((request) => String(request.body?.msg).split(' ')[1]);
	let anchor = { real: 0, simulated: START };
	const now = () => anchor.simulated + (Date.now() - anchor.real) * SPEED;

	/** n8n under faketime, its clock starting at the sandbox's time now and running SPEED× faster. */
	const start = async () => {
		anchor = { real: Date.now(), simulated: anchor.real === 0 ? START : now() };
		n8n.sandbox.setClock({ nowMs: anchor.simulated, speed: SPEED });
		const at = new Date(anchor.simulated).toISOString().slice(0, 19).replace('T', ' ');
		const server = await n8nScripts.startServer(version, {
			...n8n.env,
			LD_PRELOAD: LIBFAKETIME,
			FAKETIME: `@${at} x${SPEED}`,
			FAKETIME_DONT_RESET: '1',
			TZ: 'UTC',
			// n8n pings its database every 2 s and gives up after 5 s: on the fast clock, rarely.
			DB_PING_INTERVAL_SECONDS: '600',
			N8N_DB_PING_TIMEOUT: '600000',
		});
		stopServer = async () => {
			await server.stop();
			n8n.transcript.push(server.output());
		};
	};

	beforeAll(async () => {
		n8n = await prepareRealN8n(version);
		await n8n.importWorkflows([workflow]);
		expect((await n8n.cli(n8nScripts.activateCommand(version, WORKFLOW_ID))).code).toBe(0);
	}, 300000);

	afterAll(async () => {
		await stopServer?.();
		await n8n?.dispose();
	});

	test('a simulated midnight and a restart: every room completed after activation exactly once', async () => {
		n8n.sandbox.clearHistory();
		// Before activation: never delivered.
		n8n.sandbox.addHistoryRooms([{ id: 'FASTBEFORE'.padEnd(30, '0'), uuid: 'fast_before', reg_date: korea(START - 3600000), complate_date: korea(START - 60000) }]);
		await start();
		const rooms: string[] = [];
		let n = 0;
		const complete = () => {
			// Opened up to three simulated hours before: many cross midnight.
			const completedAt = Math.floor(now() / 1000) * 1000;
			const id = `FAST${String(n++).padStart(5, '0')}`.padEnd(30, 'f');
			n8n.sandbox.addHistoryRooms([
				{
					id,
					uuid: `fast_${n}`,
					reg_date: korea(completedAt - Math.floor(Math.random() * 3 * 3600000)),
					complate_date: korea(completedAt),
					messages: [{ user_type: 'C', contents: 'hello', send_date: korea(completedAt - 1000) }],
				},
			]);
			rooms.push(id);
		};
		const runUntil = async (simulated: number) => {
			while (now() < simulated) {
				if (Math.random() < 0.8) complete();
				await new Promise((resolve) => setTimeout(resolve, MINUTE / SPEED));
			}
		};
		const midnight = Date.parse('2026-12-03T00:00:00+09:00');
		// Activation polled once when n8n started; rooms from now on are new.
		await runUntil(Math.max(now() + 10 * MINUTE, midnight + 2 * MINUTE));
		await stopServer!();
		// While n8n is down (ten simulated minutes), rooms keep completing.
		await runUntil(now() + 10 * MINUTE);
		await start();
		await runUntil(now() + 10 * MINUTE);
		expect(now()).toBeGreaterThan(midnight);
		// A few simulated minutes for the last polls.
		const deadline = Date.now() + 120000;
		while (logged().length < rooms.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
		await new Promise((resolve) => setTimeout(resolve, 5000));
		expect(rooms.length).toBeGreaterThan(15);
		expect([...logged()].sort()).toEqual([...rooms].sort());
		expect(n8n.transcript.join('\n')).not.toContain(n8n.sandbox.companyToken);
	}, 900000);
});
