import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One entry of a resource's Operation dropdown; `value` is a contract with saved workflows. */
export interface OperationOption {
	name: string;
	value: string;
	description: string;
	action: string;
}

/** What every operation folder exports from its description.ts. */
export interface OperationDescription {
	option: OperationOption;
	/** The operation's own fields, each shown only for its resource and operation. */
	properties: INodeProperties[];
}

export interface PreparedRequest {
	endpoint: string;
	body: IDataObject;
	/** Fail codes that are an expected answer for this operation, not an error. */
	acceptCodes?: readonly number[];
	/** A question that changes nothing: an answer lost on the way may be asked again without consent. */
	readOnly?: boolean;
}

/** A Biz API operation: one item in, one request out, one item back. */
export interface BizApiOperation extends OperationDescription {
	/** Resolves and validates one item into its request; throws before anything is sent. */
	buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest;
	/**
	 * The output item: the plain fields every operation shares (`uuid`, `roomId` when there is a
	 * room, and what happened, e.g. `sent: true`), then HappyTalk's answer exactly as it came.
	 */
	toOutput(answer: IDataObject, request: PreparedRequest): IDataObject;
	/**
	 * Runs the node's items itself, when the operation does more than one request per item
	 * (Send and Wait for Reply sends, then pauses the execution).
	 */
	run?(this: IExecuteFunctions, findOperation: (resource: string, operation: string) => BizApiOperation | undefined): Promise<INodeExecutionData[][]>;
}

/** How one item of a customer API operation runs, once it is validated. */
export interface CustomerApiPlan {
	settings: { timeout: number; retries: number };
	/** Hosts other than the credential's customer API hosts, by environment (a custom Base URL stays). */
	hosts?: { production: string; development: string };
	/** Makes the item's calls; returns its output items' JSON (a search may return none or many). */
	run(call: (endpoint: string, body: IDataObject) => Promise<IDataObject>): Promise<IDataObject[]>;
}

/** A customer API operation: reads and checks one item first, then runs it. */
export interface CustomerApiOperation extends OperationDescription {
	/** Resolves and validates one item; throws before anything is sent. */
	prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan;
}

/** An operation that calls no HappyTalk API (and needs no credential): one item in, one out. */
export interface PlainOperation extends OperationDescription {
	/** The item's output; throws (before or after its request) when the item failed. */
	run(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData>;
}
