import type { IExecuteFunctions } from 'n8n-workflow';

import { CUSTOMER_SEARCH_CUT_AT } from '../../../shared/history/filters.schema';
import type { DateWindow } from '../../../shared/history/windows';

/** Whether a customer search's answer holds as many rooms as a cap HappyTalk does not document could. */
export const mayBeCut = (rooms: unknown[]) => rooms.length >= CUSTOMER_SEARCH_CUT_AT;

/**
 * Says, in an execution hint, that an answer which could not be split further may have been cut
 * short (customer-api.md documents no paging and no cap for these searches).
 */
export function hintCutAnswer(context: IExecuteFunctions, itemIndex: number, window: DateWindow, count: number): void {
	const span = window.sdate === undefined ? 'in one answer' : `for ${window.sdate} in one answer`;
	context.addExecutionHints({
		message: `Item ${itemIndex}: HappyTalk returned ${count} rooms ${span}. Its documents do not say whether this search returns every room or caps its answers, so there may be more.`,
		type: 'warning',
		location: 'outputPane',
	});
}
