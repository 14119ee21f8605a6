import type { BizApiOperation } from '../shared/operation';
import * as counselorCheckPrevious from './counselor/checkPrevious';
import * as messageSend from './message/send';
import * as roomEnd from './room/end';
import * as roomOpen from './room/open';

export interface BizApiResource {
	api: 'bizApi';
	name: string;
	value: string;
	defaultOperation?: string;
	operations: Record<string, BizApiOperation>;
}

export type Resource = BizApiResource;

/**
 * Every resource and operation of the node, in the editor's order: a new operation is its folder
 * plus one line here. Resource and operation values are a contract with saved workflows.
 */
export const resources: Resource[] = [
	{ api: 'bizApi', name: 'Message', value: 'message', operations: { send: messageSend } },
	{
		api: 'bizApi',
		name: 'Room',
		value: 'room',
		defaultOperation: 'open',
		operations: { open: roomOpen, end: roomEnd },
	},
	{ api: 'bizApi', name: 'Counselor', value: 'counselor', operations: { checkPrevious: counselorCheckPrevious } },
];

export function findOperation(resource: string, operation: string) {
	return resources.find((entry) => entry.value === resource)?.operations[operation];
}
