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
	resolveCustomerApiBaseUrl,
} from '../nodes/HappyTalk/transport/customerApi/baseUrl';
import { environmentProperties } from '../nodes/HappyTalk/transport/credentialEnvironment';

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
		...environmentProperties(CUSTOMER_API_HOSTS),
	];

	// The customer API reads the token from the JSON body, never from a header. The Base URL rule
	// runs here too, so the Test button names a refused URL (see the Biz API credential).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		resolveCustomerApiBaseUrl(credentials);
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
