import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { HAPPYTALK_HOSTS, baseUrlExpression, resolveBaseUrl } from '../nodes/HappyTalk/transport/bizApi/baseUrl';

export class HappyTalkApi implements ICredentialType {
	name = 'happyTalkApi';

	displayName = 'HappyTalk API';

	icon = {
		light: 'file:../nodes/HappyTalk/happyTalk.svg',
		dark: 'file:../nodes/HappyTalk/happyTalk.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/happytalk-n8n/n8n-nodes-happytalk#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The key issued in the HappyTalk customer centre under "external messenger API" (sent as HT-Client-Id)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token issued together with the Client ID (sent as HT-Client-Secret)',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: HAPPYTALK_HOSTS.production,
				},
				{
					name: 'Development / Test',
					value: 'development',
					description: HAPPYTALK_HOSTS.development,
				},
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

	// A function, not generic `={{$credentials.…}}` headers: n8n evaluates those expressions for
	// every request, which measurably slows bulk sending (see docs/bench.md).
	// It also applies the Base URL rule before any request: n8n swallows an error thrown inside the
	// test's base-URL expression (the Test button would say only "Invalid URL"), but shows the
	// message of an error thrown here.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		resolveBaseUrl(credentials);
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				'HT-Client-Id': String(credentials.clientId ?? ''),
				'HT-Client-Secret': String(credentials.clientSecret ?? ''),
			},
		};
	}

	// "Is the previous counselor available?" only reads: it proves the keys without touching a room.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/v1/chat/isCounselor',
			method: 'POST',
			body: { uuid: 'n8n_credential_test', customer_id: 'n8n-test' },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: -500,
					message: 'Client ID or Client Secret is wrong or expired (HappyTalk answered -500 Authorization)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: -400,
					message:
						'These keys have no permission for the Biz API (HappyTalk answered -400 Forbidden): ask HappyTalk to enable "external messenger API" for them',
				},
			},
		],
	};
}
