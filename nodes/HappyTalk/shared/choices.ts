import { z } from 'zod/v3';

/** One of a list of documented values; the error lists them with their names. */
export const oneOf = <T extends string | number>(values: readonly { value: T; name: string }[]) =>
	z.custom<T>((value) => values.some((entry) => entry.value === value), {
		message: `must be one of ${values.map((entry) => `${entry.value} (${entry.name})`).join(', ')}`,
	});
