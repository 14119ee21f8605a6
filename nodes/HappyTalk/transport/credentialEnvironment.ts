import type { INodeProperties } from 'n8n-workflow';

/**
 * The Environment and Base URL fields both HappyTalk credentials share: the API's two hosts, or a
 * custom Base URL under the one rule of `resolveBaseUrlFor`.
 */
export function environmentProperties(hosts: { production: string; development: string }): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: hosts.production },
				{ name: 'Development / Test', value: 'development', description: hosts.development },
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
}
