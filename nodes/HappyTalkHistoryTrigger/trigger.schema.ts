import { z } from 'zod/v3';

import { wholeNumber } from '../HappyTalk/shared/options.schema';

/**
 * Rooms can show up in the list after rooms that completed later (HappyTalk's list is not said to
 * be written in completion order), and several complete in the same second: every poll looks this
 * many minutes behind the newest completion it has seen, and remembers the rooms of that span by
 * id. A room that HappyTalk lists more than this late is taken as one that was already there.
 * Option "Late Rooms Window (Minutes)"; longer keeps more ids in the static data.
 */
export const RECHECK_MINUTES = { min: 1, max: 1440, default: 60 } as const;
/** The default window in ms (and the one a state saved before the option existed was kept with). */
export const RECHECK_WINDOW_MS = RECHECK_MINUTES.default * 60 * 1000;
/**
 * The spec leaves open whether `sdate`/`edate` select by the day a room was opened or the day it
 * completed: the listing also covers rooms opened this many days before the earliest completion it
 * looks for (a counseling open longer than that is found only if HappyTalk selects by completion).
 */
export const OPEN_DAYS = 2;
/** A room whose messages cannot be read is tried on this many polls, then emitted without them. */
export const MESSAGE_TRIES = 5;
/** Message requests in flight at once (one per room). */
export const MESSAGE_CONCURRENCY = { min: 1, max: 20, default: 5 } as const;
/** "Include rooms completed in the last hours" on first activation. */
export const START_HOURS = { min: 0, max: 720, default: 0 } as const;
/** How far back "Fetch test event" looks for the most recently completed room. */
export const TEST_EVENT_DAYS = 31;

export const triggerOptions = z.object({
	includeMessages: z.boolean({ invalid_type_error: 'must be true or false' }).default(true),
	startHours: z
		.number({ invalid_type_error: 'must be a number of hours' })
		.min(START_HOURS.min, `must be at least ${START_HOURS.min}`)
		.max(START_HOURS.max, `must be at most ${START_HOURS.max}`)
		.default(START_HOURS.default),
	messageConcurrency: wholeNumber(MESSAGE_CONCURRENCY, ''),
	recheckMinutes: wholeNumber(RECHECK_MINUTES, ' minutes'),
});

export const triggerOptionFields = {
	includeMessages: { parameter: 'options.includeMessages', label: 'Include Messages' },
	startHours: { parameter: 'options.startHours', label: 'On First Activation, Include the Last Hours' },
	messageConcurrency: { parameter: 'options.messageConcurrency', label: 'Message Requests at Once' },
	recheckMinutes: { parameter: 'options.recheckMinutes', label: 'Late Rooms Window (Minutes)' },
} as const;

export type TriggerOptions = z.infer<typeof triggerOptions>;
