import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedRequest } from '../../../shared/operation';
import { asIdentifier } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import { COUNSELOR_CODES, counselorCodeProblem, readCounselorCode } from './counselorCode';
import {
	CHECK_PREVIOUS_COUNSELOR_ENDPOINT,
	checkPreviousCounselorBody,
	checkPreviousCounselorWireFields,
} from './schema';

/** Counselor → Check Previous: `POST /v1/chat/isCounselor`. */
export function buildRequest(this: IExecuteFunctions, itemIndex: number): PreparedRequest {
	const body = {
		uuid: asIdentifier(this.getNodeParameter('uuid', itemIndex)),
		customer_id: asIdentifier(this.getNodeParameter('customerId', itemIndex)),
	};
	return {
		endpoint: CHECK_PREVIOUS_COUNSELOR_ENDPOINT,
		// A question, not a message: asking again is harmless.
		readOnly: true,
		body: parseRequestBody(
			checkPreviousCounselorBody,
			body,
			checkPreviousCounselorWireFields,
			this.getNode(),
			itemIndex,
		),
	};
}

/**
 * HappyTalk's "exist" / counselor_code 1 as plain yes/no fields; its answer stays alongside.
 * counselor_code -1 (HappyTalk's "error") or an undocumented value fails the item: "not
 * available" would be a guess.
 */
export function toOutput(answer: IDataObject, request: PreparedRequest): IDataObject {
	const problem = counselorCodeProblem(answer.counselor_code);
	if (problem !== undefined) throw new Error(problem);
	return {
		uuid: request.body.uuid,
		customerId: request.body.customer_id,
		previousCounselorExists: answer.counselor === 'exist',
		previousCounselorAvailable: readCounselorCode(answer.counselor_code) === COUNSELOR_CODES.available,
		previousCounselorName: answer.counselor_name ?? '',
		...answer,
	};
}
