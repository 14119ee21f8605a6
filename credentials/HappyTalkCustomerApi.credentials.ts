import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	CUSTOMER_API_HOSTS,
	customerApiBaseUrlExpression,
} from '../nodes/HappyTalk/transport/customerApi/baseUrl';

export class HappyTalkCustomerApi implements ICredentialType {
	name = 'happyTalkCustomerApi';

	displayName = 'HappyTalk Customer API';

	icon = {
		light: 'file:../nodes/HappyTalk/happyTalk.svg',
		dark: 'file:../nodes/HappyTalk/happyTalk.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/happytalk-n8n/n8n-nodes-happytalk#customer-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Company Token',
			name: 'companyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The company token from the HappyTalk admin: Settings › Company information management › System information › TOKEN. It is sent in the request body only.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: CUSTOMER_API_HOSTS.production },
				{ name: 'Development / Test', value: 'development', description: CUSTOMER_API_HOSTS.development },
				{
					name: 'Custom',
					value: 'custom',
					description: 'A proxy in front of HappyTalk, or the local HappyTalk sandbox',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://happytalk-proxy.example.com',
			required: true,
			hint: 'Must use https://. Plain http:// is accepted only for localhost, 127.x.x.x and [::1].',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	// The customer API reads the token from the JSON body, never from a header.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as Record<string, unknown>;
		return { ...requestOptions, body: { ...body, token: String(credentials.companyToken ?? '') } };
	}

	// Today's room list, one room: it only reads.
	test: ICredentialTestRequest = {
		request: {
			baseURL: customerApiBaseUrlExpression,
			url: '/user/api/chat_room_lists/format/json',
			method: 'POST',
			body: { limit: 1, page: 1 },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: -501, message: 'The company token is wrong (HappyTalk answered -501 token)' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: -502,
					message:
						'This company token has no permission for the customer API (HappyTalk answered -502 unAuthorized): ask the HappyTalk customer centre to enable it',
				},
			},
		],
	};
}
