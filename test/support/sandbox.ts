/** Typed access to the sandbox (plain JavaScript, HappyTalk's side of the wire). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox: start } = require('../../sandbox/server');

export interface SandboxRecord {
	seq: number;
	method: string;
	path: string;
	headers: Record<string, string>;
	rawBody: string;
	body?: Record<string, unknown>;
	code: number | null;
	status: number | null;
	outcome: string;
	receivedAt: number;
	answeredAt: number | null;
}

export type Fault = { times?: number; match?: { path?: string; bodyIncludes?: string } } & (
	| { status: number; body?: string; contentType?: string }
	| { failCode: number; message?: string; field?: string; status?: number }
	| { malformed: 'html' | 'text' | 'empty' | 'truncated-json' }
	| { hang: true }
	| { destroy: true }
);

export interface Sandbox {
	url: string;
	port: number;
	clientId: string;
	clientSecret: string;
	requests: SandboxRecord[];
	reset(): void;
	setLatency(ms: number): void;
	injectFault(fault: Fault): void;
	setCounselor(answer: { counselor: string; counselor_code: number; counselor_name: string }): void;
	readonly rooms: Array<{ room_id: string; uuid: string; state: 'open' | 'ended' }>;
	setStrictRooms(strict: boolean): void;
	setRateLimit(limit: { perSecond: number; retryAfterSeconds?: number } | null): void;
	stats(): { requests: number; delivered: number; rateLimited: number; perRoomOrderViolations: number; duplicates: number; peakInFlight: number };
	setCounseling(state: 'available' | number): void;
	setReceiveUrl(url: string): void;
	sendCustomerMessage(message: CustomerMessage): Promise<{ status: number; body: string }>;
	close(): Promise<void>;
}

export interface CustomerMessage {
	receiveUrl?: string;
	uuid: string;
	room_id: string;
	text?: string;
	image?: { url: string; width?: number; height?: number };
	file?: { name: string; url: string; text?: string };
	autoEnd?: boolean;
}

export const SECRET = 'sbx-secret-7Qm2-never-leak';

export async function startSandbox(options: { latencyMs?: number } = {}): Promise<Sandbox> {
	return (await start({ clientId: 'sbx-client-id', clientSecret: SECRET, ...options })) as Sandbox;
}

/** Every string reachable from a value, own non-enumerable properties (message, stack, cause) included. */
export function deepText(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((key) => {
			try {
				return `${key}:${deepText((value as Record<string, unknown>)[key], seen)}`;
			} catch {
				return '';
			}
		})
		.join('\n');
}
