import { baseUrlExpressionFor, resolveBaseUrlFor } from '../baseUrlRule';

export const HAPPYTALK_HOSTS = {
	production: 'https://biz-api.happytalk.io',
	development: 'https://patch-biz-api.happytalk.io',
};

/** The Biz API's base URL from the `happyTalkApi` credential. */
export function resolveBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	return resolveBaseUrlFor(credentials, HAPPYTALK_HOSTS);
}

export const baseUrlExpression = baseUrlExpressionFor(HAPPYTALK_HOSTS);
