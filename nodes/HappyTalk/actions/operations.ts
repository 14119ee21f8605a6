import type { IExecuteFunctions } from 'n8n-workflow';

import type { HappyTalkRequest } from '../transport/happyTalkRequest';
import * as messageSend from './message/send.operation';

export interface Operation {
	/** Resolves and validates one item into its request; throws before anything is sent. */
	buildRequest(this: IExecuteFunctions, itemIndex: number): Omit<HappyTalkRequest, 'timeout'>;
}

/** resource → operation → implementation; the values are a contract with saved workflows. */
export const operations: Record<string, Record<string, Operation>> = {
	message: { send: messageSend },
};
