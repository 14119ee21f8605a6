import { z } from 'zod/v3';

/** Get Many's own bound: how many rooms at most when Return All is off. */
export const ROOM_LIMIT = { min: 1, max: 100000, default: 50 } as const;

export const getManyRoomsLimit = z
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(ROOM_LIMIT.min, `must be at least ${ROOM_LIMIT.min}`)
	.max(ROOM_LIMIT.max, `must be at most ${ROOM_LIMIT.max}`);

export const getManyRoomsSettings = z.object({ returnAll: z.boolean(), limit: getManyRoomsLimit.optional() }).strict();

export const getManyRoomsFields = {
	returnAll: { parameter: 'returnAll', label: 'Return All' },
	limit: { parameter: 'limit', label: 'Limit' },
} as const;
