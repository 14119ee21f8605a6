import { z } from 'zod/v3';

/**
 * Rooms can show up in the list a little after the time HappyTalk records as their completion
 * (and several complete in the same second): every poll looks this far back again, and rooms
 * already emitted are remembered for as long.
 */
export const LOOKBACK_MS = 15 * 60 * 1000;
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
});

export const triggerOptionFields = {
	includeMessages: { parameter: 'options.includeMessages', label: 'Include Messages' },
	startHours: { parameter: 'options.startHours', label: 'On First Activation, Include the Last Hours' },
} as const;
