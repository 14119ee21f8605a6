import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { COMPANY_TOKEN, deepText, SECRET, startSandbox, type HistoryRoomSpec, type Sandbox } from '../support/sandbox';
import { loadEngine, shutdownEngine, type CredentialData, type Engine, type NodeRun } from './harness';

export const CUSTOMER_CREDENTIAL = 'happyTalkCustomerApi';
export const ROOM_LIST = '/user/api/chat_room_lists/format/json';
export const ROOMS_BY_UUID = '/user/api/chat_lists/format/json';
export const SET_USER_INFO = '/user/api/set_user_info/format/json';
export const ROOM_BY_ID = '/user/api/chat_data/format/json';

/**
 * A test file's sandbox with two engines: one whose node holds the customer API credential, one
 * the Biz API credential. The sandbox is reset before each test; every run is kept, and at the
 * end none may contain a secret.
 */
export function useCustomerEngine() {
	const live = {} as { sandbox: Sandbox; customer: Engine; biz: Engine; credentials: CredentialData; runs: NodeRun[] };
	live.runs = [];
	beforeAll(async () => {
		live.sandbox = await startSandbox();
		live.credentials = { companyToken: live.sandbox.companyToken, environment: 'custom', baseUrl: live.sandbox.url };
		live.customer = await loadEngine(live.credentials, CUSTOMER_CREDENTIAL);
		live.biz = await loadEngine({ clientId: live.sandbox.clientId, clientSecret: live.sandbox.clientSecret, environment: 'custom', baseUrl: live.sandbox.url });
	});
	beforeEach(() => live.sandbox.reset());
	afterAll(async () => {
		for (const { run, items, error } of live.runs) {
			for (const text of [deepText(run), deepText(items), deepText(error)]) {
				expect(text).not.toContain(COMPANY_TOKEN);
				expect(text).not.toContain(SECRET);
			}
		}
		await live.sandbox.close();
		shutdownEngine();
	});
	const keep = (result: NodeRun) => {
		live.runs.push(result);
		return result;
	};
	return {
		live,
		calls: (path: string) => live.sandbox.requests.filter((request) => request.path === path),
		runCustomer: async (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
			keep(await live.customer.runNode(parameters, items, { continueOnFail })),
		runBiz: async (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
			keep(await live.biz.runNode(parameters, items, { continueOnFail })),
	};
}

export const getManyRooms = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'history',
	operation: 'getManyRooms',
	returnAll: true,
	filters: {},
	...overrides,
});
export const customerRooms = (uuid: string, overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'history',
	operation: 'getCustomerRooms',
	searchBy: 'uuid',
	uuid,
	...overrides,
});
export const updateCustomer = (uuid: string, roomId: string, overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'update',
	uuid,
	roomId,
	updateFields: {},
	...overrides,
});
export const getRoom = (roomId: string): INodeParameters => ({ resource: 'history', operation: 'getRoom', roomId });

/** `count` completed rooms on one Korean day, one per minute from 00:00, for `uuid`. */
export function roomsOn(day: string, count: number, uuid = 'member42', firstMinute = 0): HistoryRoomSpec[] {
	return Array.from({ length: count }, (_, i) => {
		const minutes = firstMinute + i;
		const at = `${day} ${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
		return { uuid, reg_date: `${at}:00`, complate_date: `${at}:30` };
	});
}

export const roomIds = (run: NodeRun) => run.items.map((item) => String(item.json.roomId));
