import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * The customer and room an item was about, for its error or skipped item, so that a workflow can
 * route on `uuid` and `roomId` whatever happened. Read from the item's own parameters; a value
 * whose expression is itself what failed is left out.
 */
export function itemIdentity(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const identity: IDataObject = {};
	for (const name of ['uuid', 'roomId']) {
		let value: unknown;
		try {
			value = context.getNodeParameter(name, itemIndex, undefined);
		} catch {
			continue;
		}
		if (typeof value === 'string' && value.trim() !== '') identity[name] = value.trim();
		else if (typeof value === 'number' || typeof value === 'bigint') identity[name] = String(value);
	}
	return identity;
}
