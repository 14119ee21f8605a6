import { HISTORY_WINDOW_DAYS } from './filters.schema';

export interface DateWindow {
	sdate?: string;
	edate?: string;
}

/**
 * What a walk learns of HappyTalk's ranges and keeps for the rest of it (the Counseling Trigger
 * keeps it between polls): `days`, the new days a window reads; `sameDayEdate`, set when HappyTalk
 * refused one day sent as `sdate` … the day after (so it counts `edate` in, and allows one day).
 */
export interface WindowPace {
	days: number;
	sameDayEdate: boolean;
}

/** A window of `days` new days is sent as days + 1 (see inDateWindows): at most HISTORY_WINDOW_DAYS. */
export const firstPace = (): WindowPace => ({ days: HISTORY_WINDOW_DAYS - 1, sameDayEdate: false });

export interface WindowWalk<T> {
	idOf(item: T): string;
	/** The days (Y-m-d) an item carries (opened, completed); with it, the walk keeps to the range's end. */
	daysOf?(item: T): string[];
	pace?: WindowPace;
	/** With it, a window is read whole first; true when its answer may have been cut short. */
	mayBeCut?(items: T[]): boolean;
	/** A window (or the search without dates) whose answer may be cut, and that cannot be split. */
	onCut?(window: DateWindow, count: number): void;
}

/** HappyTalk's "the range is longer than I allow" (customer-api.md, fail codes). */
export const OVER_DATE = -504;
