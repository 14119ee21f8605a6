import type { BizApiOperation, CustomerApiOperation, PlainOperation } from '../shared/operation';
import * as attachmentDownload from './attachment/download';
import * as counselorCheckPrevious from './counselor/checkPrevious';
import * as customerUpdate from './customer/update';
import * as historyGetCustomerRooms from './history/getCustomerRooms';
import * as historyGetManyRooms from './history/getManyRooms';
import * as historyGetRoom from './history/getRoom';
import * as messageSend from './message/send';
import * as messageSendAndWait from './message/sendAndWait';
import * as roomEnd from './room/end';
import * as roomOpen from './room/open';
import * as serviceHistoryGetMany from './serviceHistory/getMany';

interface ResourceBase {
	name: string;
	value: string;
	defaultOperation?: string;
}

/** Resources of HappyTalk's Biz API (credential `happyTalkApi`). */
export interface BizApiResource extends ResourceBase {
	api: 'bizApi';
	operations: Record<string, BizApiOperation>;
}

/** Resources of HappyTalk's customer API (credential `happyTalkCustomerApi`). */
export interface CustomerApiResource extends ResourceBase {
	api: 'customerApi';
	operations: Record<string, CustomerApiOperation>;
}

/** Resources that call no HappyTalk API and need no credential. */
export interface PlainResource extends ResourceBase {
	api: 'none';
	operations: Record<string, PlainOperation>;
}

export type Resource = BizApiResource | CustomerApiResource | PlainResource;

/**
 * Every resource and operation of the node, in the editor's order: a new operation is its folder
 * plus one line here. Resource and operation values are a contract with saved workflows.
 */
export const resources: Resource[] = [
	{
		api: 'bizApi',
		name: 'Message',
		value: 'message',
		defaultOperation: 'send',
		operations: { send: messageSend, sendAndWait: messageSendAndWait },
	},
	{
		api: 'bizApi',
		name: 'Room',
		value: 'room',
		defaultOperation: 'open',
		operations: { open: roomOpen, end: roomEnd },
	},
	{ api: 'bizApi', name: 'Counselor', value: 'counselor', operations: { checkPrevious: counselorCheckPrevious } },
	{
		api: 'customerApi',
		name: 'Counseling History',
		value: 'history',
		defaultOperation: 'getManyRooms',
		operations: {
			getRoom: historyGetRoom,
			getManyRooms: historyGetManyRooms,
			getCustomerRooms: historyGetCustomerRooms,
		},
	},
	{ api: 'customerApi', name: 'Customer', value: 'customer', operations: { update: customerUpdate } },
	{ api: 'none', name: 'Attachment', value: 'attachment', operations: { download: attachmentDownload } },
	{
		api: 'customerApi',
		name: 'Service Usage History',
		value: 'serviceHistory',
		operations: { getMany: serviceHistoryGetMany },
	},
];

export const resourcesOf = (api: Resource['api']) =>
	resources.filter((resource) => resource.api === api).map((resource) => resource.value);

export function findBizApiOperation(resource: string, operation: string) {
	const entry = resources.find((candidate) => candidate.value === resource);
	return entry?.api === 'bizApi' ? entry.operations[operation] : undefined;
}

export function findCustomerApiOperation(resource: string, operation: string) {
	const entry = resources.find((candidate) => candidate.value === resource);
	return entry?.api === 'customerApi' ? entry.operations[operation] : undefined;
}

export function findPlainOperation(resource: string, operation: string) {
	const entry = resources.find((candidate) => candidate.value === resource);
	return entry?.api === 'none' ? entry.operations[operation] : undefined;
}
