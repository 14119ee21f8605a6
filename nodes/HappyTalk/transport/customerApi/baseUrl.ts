import { baseUrlExpressionFor, resolveBaseUrlFor } from '../baseUrlRule';

export const CUSTOMER_API_HOSTS = {
	production: 'https://customer.happytalk.io',
	development: 'https://patch-customer.happytalk.io',
};

/** The customer API's base URL from the `happyTalkCustomerApi` credential. */
export function resolveCustomerApiBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	return resolveBaseUrlFor(credentials, CUSTOMER_API_HOSTS);
}

export const customerApiBaseUrlExpression = baseUrlExpressionFor(CUSTOMER_API_HOSTS);
