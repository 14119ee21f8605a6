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
	| { status: number; body?: string; contentType?: string; headers?: Record<string, string> }
	| { failCode: number; message?: string; field?: string; status?: number; headers?: Record<string, string> }
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
	setCounselor(answer: { counselor: string; counselor_code: number | string; counselor_name: string }): void;
	readonly rooms: Array<{ room_id: string; uuid: string; state: 'open' | 'ended' }>;
	setStrictRooms(strict: boolean): void;
	setRateLimit(limit: { perSecond: number; retryAfterSeconds?: number; windowMs?: number } | null): void;
	stats(): { requests: number; delivered: number; rateLimited: number; perRoomOrderViolations: number; duplicates: number; peakInFlight: number };
	setCounseling(state: 'available' | number): void;
	setReceiveUrl(url: string): void;
	sendCustomerMessage(message: CustomerMessage): Promise<{ status: number; body: string }>;
	/** The customer API's company token, and one that authenticates without permission (-502). */
	companyToken: string;
	limitedToken: string;
	once(event: 'request', listener: (record: SandboxRecord) => void): void;
	on(event: 'request', listener: (record: SandboxRecord) => void): void;
	off(event: 'request', listener: (record: SandboxRecord) => void): void;
	/** The customer API's open points, switched (sandbox/historyReadings.js); reset() restores them. */
	setHistoryReadings(readings: Partial<HistoryReadings>): { readings: HistoryReadings };
	clearHistory(): void;
	addHistoryRooms(rooms: HistoryRoomSpec[]): { ids: string[] };
	historyRooms(): Array<{ id: string; uuid: string; status: string; regMs: number; endMs: number | null; messages: number; fields: Record<string, string> }>;
	customers(): Array<Record<string, string | null> & { uuid: string }>;
	/** HappyTalk's clock (sandbox/clock.js): { offsetMs }, { nowMs, speed }, or {} for real time. */
	setClock(setting: { offsetMs?: number; nowMs?: number; speed?: number }): { clock: { nowMs: number; offsetMs: number; speed: number } };
	/** A customer's attachment as the sandbox serves it; `query` holds its test switches. */
	attachmentUrl(name: string, query?: Record<string, string | number>): string;
	attachmentDownloads: Array<{ path: string; query: Record<string, string>; status: number | null; at: number }>;
	addServiceHistory(entries: ServiceHistoryEntrySpec[]): { entries: ServiceHistoryEntry[] };
	clearServiceHistory(): void;
	serviceHistoryEntries(): ServiceHistoryEntry[];
	setServiceHistory(readings: { span?: 'under24h' | 'calendarDay'; defaultFormat?: 'siem' | 'raw' }): void;
	close(): Promise<void>;
}

export interface ServiceHistoryEntry {
	id: string;
	type: string;
	kind: string;
	request_user: string;
	request_content: string;
	request_date: string;
	apply_id: string;
	apply_content: string;
	apply_date: string;
}
export type ServiceHistoryEntrySpec = Partial<ServiceHistoryEntry> & { request_date: string };

export interface HistoryReadings {
	pageCap: number | null;
	ignorePage: boolean | 'silently';
	totalCount: 'exact' | 'absent' | 'low' | 'high' | 'page';
	numbersAsStrings: boolean;
	maxSpanDays: number;
	sitePrefix: boolean;
	rangeBy: 'sortKey' | 'reg_date' | 'complate_date';
	refusedRooms: string[];
	edate: 'inclusive' | 'exclusive';
	customerSearchCap: number | null;
}

/** A room for the customer API's history; dates 'YYYY-MM-DD HH:MM:SS' in Korea time. */
export interface HistoryRoomSpec {
	id?: string;
	uuid: string;
	users_id?: string | null;
	reg_date: string;
	complate_date?: string;
	status?: string;
	out_api?: string;
	messages?: Array<{ user_type?: string; type?: string; contents_type?: string; contents: string; send_date: string }>;
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
export const COMPANY_TOKEN = 'sbx-company-token-9Xk4-never-leak';

export interface SandboxOptions {
	latencyMs?: number;
	historyRooms?: number;
	serviceHistorySpan?: 'under24h' | 'calendarDay';
	serviceHistoryDefaultFormat?: 'siem' | 'raw';
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return (await start({ clientId: 'sbx-client-id', clientSecret: SECRET, companyToken: COMPANY_TOKEN, ...options })) as Sandbox;
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

/** A Biz API call straight to the sandbox, as another system (or a counselor's tool) makes it. */
export async function bizApiCall(sandbox: Sandbox, path: string, body: object): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'HT-Client-Id': sandbox.clientId, 'HT-Client-Secret': sandbox.clientSecret },
		body: JSON.stringify(body),
	});
	return (await response.json()) as Record<string, unknown>;
}
