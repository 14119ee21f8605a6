import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { CUSTOMER_API_ENDPOINTS } from '../HappyTalk/shared/history/endpoints';
import type { HistoryFilters } from '../HappyTalk/shared/history/filters.schema';
import { addDays, KOREA_OFFSET, koreaDay } from '../HappyTalk/shared/history/kstDates';
import { walkRoomList } from '../HappyTalk/shared/history/roomList';
import { roomOutput, roomsWithMessages } from '../HappyTalk/shared/history/roomOutput';
import { TIMEOUT_MS, RETRIES } from '../HappyTalk/shared/options.schema';
import { parseRequestBody } from '../HappyTalk/shared/validate';
import {
	customerApiCaller,
	openCustomerConnection,
	type CustomerApiCall,
} from '../HappyTalk/transport/customerApi/request';
import { afterPoll, baselineFloor, listingPlan, readState, roomsToRead, writeState, type Emission } from './bookkeeping';
import { listCompleted } from './completedList';
import { messageReader } from './roomMessages';
import {
	MESSAGE_CONCURRENCY,
	MESSAGE_TRIES,
	RECHECK_MINUTES,
	START_HOURS,
	TEST_EVENT_DAYS,
	triggerOptionFields,
	triggerOptions,
	type TriggerOptions,
} from './trigger.schema';

const COMPLETED = 2;

export class HappyTalkHistoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HappyTalk Counseling Trigger',
		name: 'happyTalkHistoryTrigger',
		icon: { light: 'file:../HappyTalk/happyTalk.svg', dark: 'file:../HappyTalk/happyTalk.dark.svg' },
		group: ['trigger'],
		// Versions as the HappyTalk node's: a later one joins the list with `@version` display rules.
		version: [1],
		defaultVersion: 1,
		subtitle: '={{ $parameter["options"]["includeMessages"] === false ? "Completed rooms" : "Completed rooms, with messages" }}',
		description: "Starts the workflow when a HappyTalk counseling room is completed, with the room's messages (customer API, polling)",
		defaults: { name: 'HappyTalk Counseling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'happyTalkCustomerApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Counseling Completed',
						value: 'counselingCompleted',
						description: 'A room reached the state completed (status 2): once per room',
					},
				],
				default: 'counselingCompleted',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Include Messages',
						name: 'includeMessages',
						type: 'boolean',
						default: true,
						description: "Whether each room comes with its messages (one more request per room). Off: the room list's fields only.",
					},
					{
						displayName: 'On First Activation, Include the Last Hours',
						name: 'startHours',
						type: 'number',
						typeOptions: { minValue: START_HOURS.min, maxValue: START_HOURS.max },
						default: 0,
						description:
							'The first activation starts from now. To also get rooms completed shortly before, the number of hours to look back (once).',
					},
					{
						displayName: 'Message Requests at Once',
						name: 'messageConcurrency',
						type: 'number',
						typeOptions: { minValue: MESSAGE_CONCURRENCY.min, maxValue: MESSAGE_CONCURRENCY.max },
						default: 5,
						description: `How many rooms' messages are requested at the same time (a backfill of many rooms runs this many at once). A room whose messages cannot be read is tried again on the next polls, ${MESSAGE_TRIES} in all, then emitted without them (messagesError says why).`,
					},
					{
						displayName: 'Late Rooms Window (Minutes)',
						name: 'recheckMinutes',
						type: 'number',
						typeOptions: { minValue: RECHECK_MINUTES.min, maxValue: RECHECK_MINUTES.max },
						default: 60,
						description:
							'How far behind the latest completion each poll looks again, for rooms HappyTalk lists late; their IDs are kept in the static data meanwhile. A room listed later than this is taken as one that was already there.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = parseRequestBody(
			triggerOptions,
			this.getNodeParameter('options', {}) as IDataObject,
			triggerOptionFields,
			this.getNode(),
			0,
		);
		const context = this as unknown as IExecuteFunctions;
		const connection = await openCustomerConnection.call(context);
		const call = customerApiCaller(context, connection, 0, { timeout: TIMEOUT_MS.default, retries: RETRIES.default });

		if (this.getMode() === 'manual') {
			const latest = await mostRecentlyCompleted(call);
			if (!latest) {
				throw new NodeOperationError(this.getNode(), `No completed counseling room in the last ${TEST_EVENT_DAYS} days`, {
					description: 'Complete a room in HappyTalk (or in the sandbox), then fetch the test event again.',
				});
			}
			if (!options.includeMessages) return [this.helpers.returnJsonArray([roomOutput(latest)])];
			const [full] = roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomById, { room_id: String(latest.id) }));
			return [this.helpers.returnJsonArray([full ?? roomOutput(latest)])];
		}

		const data = this.getWorkflowStaticData('node');
		const items = await pollCompletions(call, data, Date.now(), options);
		return items.length === 0 ? null : [this.helpers.returnJsonArray(items)];
	}
}

/** One poll: list and read the new rooms' messages, then remember (a failed poll changes nothing). */
async function pollCompletions(call: CustomerApiCall, data: IDataObject, now: number, options: TriggerOptions): Promise<IDataObject[]> {
	const state = readState(data);
	const plan = listingPlan(state, now, options.startHours);
	const recheckMs = options.recheckMinutes * 60000;
	const stopBelow = (newest: number | undefined) =>
		plan.floor ?? (newest === undefined ? -Infinity : baselineFloor(newest, now, options.startHours, recheckMs));
	// Messages are read while the list is still walked; a room is read when listed and new (or pending).
	const reader = messageReader(call, options.messageConcurrency);
	const known = { oneDayPerRequest: state?.oneDayPerRequest ?? false, sameDayEdate: state?.sameDayEdate ?? false };
	const listing = await listCompleted(call, plan, stopBelow, known, (entry) => {
		if (options.includeMessages && roomsToRead(state, [entry], now, options.startHours).length > 0) reader.add(entry);
	}).catch(async (error: unknown) => {
		await reader.finish({ failed: true });
		throw error;
	});
	const read = await reader.finish();
	if (!options.includeMessages) {
		for (const entry of roomsToRead(state, listing.rooms, now, options.startHours)) read.outcomes.set(entry.id, { ok: true });
	}
	const { state: next, emit } = afterPoll(state, now, listing.rooms, read.outcomes, recheckMs);
	writeState(data, { ...next, ...listing.pace });
	return emit.map((emission) => read.items.get(emission.id) ?? emissionOutput(emission));
}

/** A room without its messages: the list's fields, and why the messages are missing. */
function emissionOutput({ id, completedAt, room, messagesError }: Emission): IDataObject {
	const inKorea = `${new Date(completedAt + 9 * 3600000).toISOString().slice(0, 19)}${KOREA_OFFSET}`;
	const output = room ? roomOutput(room) : { roomId: id, completedAt: inKorea };
	return messagesError === undefined ? output : { ...output, messagesError };
}

async function mostRecentlyCompleted(call: CustomerApiCall): Promise<IDataObject | undefined> {
	const today = koreaDay(Date.now());
	const filters: HistoryFilters = {
		sdate: addDays(today, -(TEST_EVENT_DAYS - 1)),
		edate: today,
		status: COMPLETED,
		sort_key: 'complate_date',
		sort_value: 'desc',
	};
	for await (const room of walkRoomList(call, filters, 1)) return room;
	return undefined;
}
