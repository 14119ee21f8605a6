const KOREA_OFFSET_MS = 9 * 3600 * 1000;
const DAY_MS = 86400000;
const SECOND_MS = 1000;

/** 'Y-m-d H:i:s' in Korea time ↔ epoch ms. */
export const koreaDateTimeToMs = (text: string) => Date.parse(`${text.replace(' ', 'T')}+09:00`);
export const msToKoreaDateTime = (ms: number) => new Date(ms + KOREA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/**
 * [start, end] (both inclusive, to the second, Korea time) as the requests HappyTalk accepts, newest
 * first: one per Korean calendar day, from 00:00:00 to 23:59:59 or the range's own ends. Such a
 * window is both "under 24 hours" (dc) and "one day" (mbi); windows neither overlap nor leave a
 * second out, so each entry falls in exactly one.
 */
export function serviceHistoryWindows(start: string, end: string): Array<{ start_date: string; end_date: string }> {
	const startMs = koreaDateTimeToMs(start);
	const endMs = koreaDateTimeToMs(end);
	const windows: Array<{ start_date: string; end_date: string }> = [];
	// Korean midnight of the end's day, stepping back a day at a time.
	for (let dayMs = koreaDateTimeToMs(`${end.slice(0, 10)} 00:00:00`); dayMs + DAY_MS > startMs; dayMs -= DAY_MS) {
		windows.push({
			start_date: msToKoreaDateTime(Math.max(startMs, dayMs)),
			end_date: msToKoreaDateTime(Math.min(endMs, dayMs + DAY_MS - SECOND_MS)),
		});
	}
	return windows;
}
