import {
	NodeOperationError,
	type DataTableFilter,
	type DataTableRow,
	type IDataTableProjectAggregateService,
	type IDataTableProjectService,
	type IExecuteFunctions,
} from 'n8n-workflow';

/**
 * Which executions wait for a customer's next message, in an n8n Data Table of the workflow's
 * project. A real database table because the registration is written on the worker that runs
 * Send and Wait for Reply and read by whichever process runs the HappyTalk Trigger's execution,
 * concurrently, across restarts (workflow static data is not a concurrent store). Data Tables
 * exist in execute contexts only, so the trigger consults this table from its `execute()`.
 */
export const REGISTRY_TABLE_NAME = 'HappyTalk waiting replies';

const COLUMNS = [
	{ name: 'room', type: 'string' },
	{ name: 'executionId', type: 'string' },
	{ name: 'resumeUrl', type: 'string' },
	{ name: 'deadline', type: 'number' },
	{ name: 'asked', type: 'string' },
	{ name: 'claim', type: 'string' },
] as const;

export interface Registration {
	/** `roomKey(uuid, roomId)`: the customer and the room a reply must come from. */
	room: string;
	executionId: string;
	/** The waiting execution's signed resume URL (n8n's /webhook-waiting/…). */
	resumeUrl: string;
	/** Epoch ms after which a message no longer counts as the reply; 0: no limit. */
	deadline: number;
	/** JSON: one `{ item, question }` per waiting item. */
	asked: string;
}

export interface RegisteredRow extends Registration {
	id: number;
}

/** One customer in one room: a reply counts only from the customer the question was sent to. */
export const roomKey = (uuid: string, roomId: string) => `${uuid} ${roomId}`;

/** Table ids by project, so that a busy trigger looks its table up once per process. */
const tableIds = new Map<string, string>();

export class ReplyRegistry {
	constructor(private readonly table: IDataTableProjectService) {}

	async register(registration: Registration): Promise<number> {
		const [row] = await this.table.insertRows([{ ...registration, claim: null }], 'id');
		return row.id;
	}

	async update(id: number, data: Partial<Registration>): Promise<void> {
		await this.table.updateRows({ filter: anyOf('id', [id]), data });
	}

	async read(id: number): Promise<RegisteredRow | undefined> {
		const { data } = await this.table.getManyRowsAndCount({ filter: anyOf('id', [id]), take: 1 });
		return data.map(toRegisteredRow)[0];
	}

	async remove(ids: number[]): Promise<void> {
		if (ids.length === 0) return;
		await this.table.deleteRows({ filter: anyOf('id', ids) });
	}

	/**
	 * Takes every unclaimed registration of a room for `token`, atomically: the UPDATE's own WHERE
	 * says "not yet claimed", so of two deliveries racing for the same room (two messages at once)
	 * exactly one gets each row, in SQLite as in PostgreSQL. Ours are then read back by token.
	 */
	async claim(room: string, token: string): Promise<RegisteredRow[]> {
		const unclaimed = allOf([
			['room', room],
			['claim', null],
		]);
		await this.table.updateRows({ filter: unclaimed, data: { claim: token } });
		const { data } = await this.table.getManyRowsAndCount({
			filter: allOf([
				['room', room],
				['claim', token],
			]),
			sortBy: ['id', 'ASC'],
		});
		return data.map(toRegisteredRow);
	}

	/** Gives claimed rows back, for a later message of the room. */
	async release(ids: number[]): Promise<void> {
		if (ids.length === 0) return;
		await this.table.updateRows({ filter: anyOf('id', ids), data: { claim: null } });
	}

	/** Registrations whose time limit passed long ago and that no message came to claim. */
	async removeExpired(before: number): Promise<void> {
		await this.table.deleteRows({
			filter: { type: 'and', filters: [{ columnName: 'deadline', condition: 'gt', value: 0 }, { columnName: 'deadline', condition: 'lt', value: before }] },
		});
	}
}

/**
 * The registry of the workflow's project, or `undefined` where n8n has no Data Tables (n8n 1.x
 * before them) or, unless `create`, where no Send and Wait for Reply has created the table yet.
 */
export async function openRegistry(context: IExecuteFunctions, create: boolean): Promise<ReplyRegistry | undefined> {
	const { getDataTableAggregateProxy, getDataTableProxy } = context.helpers;
	if (typeof getDataTableAggregateProxy !== 'function' || typeof getDataTableProxy !== 'function') return undefined;
	const aggregate = await getDataTableAggregateProxy();
	const project = aggregate.getProjectId();
	let id = tableIds.get(project);
	if (id === undefined) {
		id = await findTable(aggregate);
		if (id === undefined && create) id = await createTable(context, aggregate);
		if (id === undefined) return undefined;
		tableIds.set(project, id);
	}
	try {
		return new ReplyRegistry(await getDataTableProxy(id));
	} catch (error) {
		// Someone deleted the table: the next execution looks it up (or creates it) afresh.
		tableIds.delete(project);
		throw registryError(context, error);
	}
}


async function findTable(aggregate: IDataTableProjectAggregateService): Promise<string | undefined> {
	const { data } = await aggregate.getManyAndCount({ filter: { name: REGISTRY_TABLE_NAME }, take: 1 });
	return data.find((table) => table.name === REGISTRY_TABLE_NAME)?.id;
}

async function createTable(context: IExecuteFunctions, aggregate: IDataTableProjectAggregateService): Promise<string | undefined> {
	try {
		const table = await aggregate.createDataTable({
			name: REGISTRY_TABLE_NAME,
			columns: COLUMNS.map(({ name, type }) => ({ name, type })),
		});
		return table.id;
	} catch (error) {
		// Two first executions at once: the other one created it.
		const existing = await findTable(aggregate);
		if (existing !== undefined) return existing;
		throw registryError(context, error);
	}
}

function registryError(context: IExecuteFunctions, error: unknown) {
	return new NodeOperationError(context.getNode(), `Could not open the Data Table "${REGISTRY_TABLE_NAME}"`, {
		description: `${(error as Error).message}. n8n keeps the rooms that wait for a reply there.`,
	});
}

const allOf = (conditions: Array<[string, string | number | null]>): DataTableFilter => ({
	type: 'and',
	filters: conditions.map(([columnName, value]) => ({ columnName, condition: 'eq', value })),
});

const anyOf = (columnName: string, values: number[]): DataTableFilter => ({
	type: 'or',
	filters: values.map((value) => ({ columnName, condition: 'eq', value })),
});

function toRegisteredRow(row: DataTableRow & { id: number }): RegisteredRow {
	return {
		id: row.id,
		room: String(row.room),
		executionId: String(row.executionId),
		resumeUrl: String(row.resumeUrl),
		deadline: Number(row.deadline ?? 0),
		asked: String(row.asked ?? '[]'),
	};
}

