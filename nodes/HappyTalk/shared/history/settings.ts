import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customerApiOptionFields, customerApiOptions } from '../options.schema';
import { parseRequestBody } from '../validate';

/** The item's Options (time-out, retries), checked. */
export function readCustomerApiSettings(this: IExecuteFunctions, itemIndex: number) {
	return parseRequestBody(
		customerApiOptions,
		this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		customerApiOptionFields,
		this.getNode(),
		itemIndex,
	);
}
