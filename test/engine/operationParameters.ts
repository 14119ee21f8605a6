/** Each operation's node parameters for customer_01, to be overridden per test. */
import type { INodeParameters } from 'n8n-workflow';

export const open = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'room',
	operation: 'open',
	uuid: 'customer_01',
	additionalFields: {},
	options: {},
	...overrides,
});

export const end = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'room',
	operation: 'end',
	uuid: 'customer_01',
	roomId: '100001',
	additionalFields: {},
	...overrides,
});

export const send = (roomId: string, overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	uuid: 'customer_01',
	roomId,
	messageType: 'text',
	message: 'hello',
	...overrides,
});

export const checkPrevious = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'counselor',
	operation: 'checkPrevious',
	uuid: 'customer_01',
	customerId: 'C-0001',
	...overrides,
});
