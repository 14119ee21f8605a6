/**
 * The HappyTalk node asks for the Biz API credential for the Biz API's resources and for the
 * customer API credential for the customer API's, decided by n8n's own displayOptions logic.
 */
import { NodeHelpers, type INode, type INodeCredentialDescription } from 'n8n-workflow';

import { HappyTalk } from '../../nodes/HappyTalk/HappyTalk.node';

const description = new HappyTalk().description;
const credentials = description.credentials as INodeCredentialDescription[];
const resources = (description.properties.find((property) => property.name === 'resource')?.options ?? []) as Array<{ value: string }>;

const shownFor = (resource: string) => {
	const parameters = { resource };
	const node = { parameters } as unknown as INode;
	return credentials
		.filter((credential) => NodeHelpers.displayParameter(parameters, credential, node, description))
		.map((credential) => credential.name);
};

test.each([
	['message', 'happyTalkApi'],
	['room', 'happyTalkApi'],
	['counselor', 'happyTalkApi'],
	['history', 'happyTalkCustomerApi'],
	['customer', 'happyTalkCustomerApi'],
	['serviceHistory', 'happyTalkCustomerApi'],
])('resource %s asks for %s only', (resource, credential) => {
	expect(shownFor(resource)).toEqual([credential]);
});

// A download sends no credential: the URL comes from a posted body and must never get HappyTalk's keys.
test('resource attachment asks for no credential', () => {
	expect(shownFor('attachment')).toEqual([]);
});

test('every resource is covered', () => {
	expect(resources.map((option) => option.value).sort()).toEqual(['attachment', 'counselor', 'customer', 'history', 'message', 'room', 'serviceHistory']);
});

// n8n's editor takes a field for an authentication switch (and then offers every credential type
// under one picker) when the credentials' `show` conditions name all of its values.
test('"resource" is not mistaken for an authentication switch by the editor', () => {
	const shown = new Set(credentials.flatMap((credential) => (credential.displayOptions?.show?.resource ?? []) as string[]));
	expect(resources.every((option) => shown.has(option.value))).toBe(false);
});
