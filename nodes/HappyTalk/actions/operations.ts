import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import * as counselorCheckPrevious from './counselor/checkPrevious.operation';
import * as messageSend from './message/send.operation';
import * as roomEnd from './room/end.operation';
import * as roomOpen from './room/open.operation';

export interface PreparedRequest {
	endpoint: string;
	body: IDataObject;
	/** Fail codes that are an expected answer for this operation, not an error. */
	acceptCodes?: readonly number[];
}

export interface Operation {
	/** Resolves and validates one item into its request; throws before anything is sent. */
	buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest;
	/** Shapes HappyTalk's answer into the output item; the answer as it is when absent. */
	toOutput?(answer: IDataObject, request: PreparedRequest): IDataObject;
}

/** resource → operation → implementation; the values are a contract with saved workflows. */
export const operations: Record<string, Record<string, Operation>> = {
	message: { send: messageSend },
	room: { open: roomOpen, end: roomEnd },
	counselor: { checkPrevious: counselorCheckPrevious },
};
