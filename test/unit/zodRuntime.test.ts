/**
 * Which zod the package's code gets: zod 3 from the devDependencies, or zod 4 in `npm test`'s
 * second run (scripts/zod4.js). Guards the second run against proving nothing.
 */
import { z } from 'zod/v3';

import { parseIncomingMessage } from '../../nodes/HappyTalkTrigger/incomingMessage';

test('the zod that the tests resolve is the one this run is for', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { version } = require('zod/package.json') as { version: string };
	expect(version.split('.')[0]).toBe(process.env.HAPPYTALK_ZOD_MAJOR ?? '3');
});

test("zod 3's error-map API answers under either zod", () => {
	// A room id of the wrong type goes through the trigger's error map (errorMap, ctx.data).
	const parsed = parseIncomingMessage('customer_01', { room_id: true, type: 'text', msgid: 'm-1' });
	expect(parsed).toMatchObject({ ok: true, message: { layoutRecognized: false, layoutProblem: 'room_id: must be text or a number' } });
	expect(z.string({ invalid_type_error: 'must be text' }).safeParse(1).error?.issues[0].message).toBe('must be text');
});
