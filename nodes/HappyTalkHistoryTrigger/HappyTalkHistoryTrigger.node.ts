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
import { addDays, koreaDay } from '../HappyTalk/shared/history/kstDates';
import { walkRoomList } from '../HappyTalk/shared/history/roomList';
import { roomOutput, roomsWithMessages } from '../HappyTalk/shared/history/roomOutput';
import { TIMEOUT_MS, RETRIES } from '../HappyTalk/shared/options.schema';
import { parseRequestBody } from '../HappyTalk/shared/validate';
import {
	customerApiCaller,
	openCustomerConnection,
	type CustomerApiCall,
} from '../HappyTalk/transport/customerApi/request';
import { afterEmitting, initialState, listFrom, newRooms, readState } from './bookkeeping';
import { START_HOURS, TEST_EVENT_DAYS, triggerOptionFields, triggerOptions } from './trigger.schema';

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
		const withMessages = async (rooms: IDataObject[]) =>
			await Promise.all(rooms.map(async (room) => (options.includeMessages ? await roomWithMessages(call, room) : roomOutput(room))));

		if (this.getMode() === 'manual') {
			const latest = await mostRecentlyCompleted(call);
			if (!latest) {
				throw new NodeOperationError(this.getNode(), `No completed counseling room in the last ${TEST_EVENT_DAYS} days`, {
					description: 'Complete a room in HappyTalk (or in the sandbox), then fetch the test event again.',
				});
			}
			return [this.helpers.returnJsonArray(await withMessages([latest]))];
		}

		const data = this.getWorkflowStaticData('node');
		const state = readState(data) ?? initialState(Date.now(), options.startHours);
		const filters: HistoryFilters = {
			sdate: koreaDay(listFrom(state)),
			edate: koreaDay(Date.now()),
			status: COMPLETED,
			sort_key: 'complate_date',
			sort_value: 'asc',
		};
		const listed: IDataObject[] = [];
		for await (const room of walkRoomList(call, filters)) listed.push(room);
		const rooms = newRooms(state, listed);
		// Messages are fetched before anything is remembered: a failed poll changes nothing.
		const items = await withMessages(rooms);
		const next = afterEmitting(state, rooms);
		// Top-level assignments, so n8n notices the change and saves it with the emitted items.
		data.startedAt = next.startedAt;
		data.watermark = next.watermark;
		data.emitted = next.emitted;
		return items.length === 0 ? null : [this.helpers.returnJsonArray(items)];
	}
}

async function roomWithMessages(call: CustomerApiCall, room: IDataObject): Promise<IDataObject> {
	const [full] = roomsWithMessages(await call(CUSTOMER_API_ENDPOINTS.roomById, { room_id: String(room.id) }));
	return full ?? roomOutput(room);
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
