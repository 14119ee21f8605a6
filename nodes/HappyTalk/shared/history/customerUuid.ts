import type { IDataObject } from 'n8n-workflow';

/**
 * HappyTalk writes a room's `customer_uuid` as `<site number>_<uuid>` (every example in
 * customer-api.md), where `uuid` is what the Biz API, the receive webhook and the UUID search
 * take. The site number is one company's, the same in every room, and HappyTalk sends it in no
 * field of its own: the node learns it from the answer. See the README's "Customer UUID" decision.
 */
const SITE_HEAD = /^(\d+)_(.+)$/;

/**
 * The site number of these rooms: the digits before the first `_`, when every room carries the
 * same ones; null when they do not (then HappyTalk wrote no site number, and nothing is cut).
 */
export function siteNumberOf(rooms: IDataObject[]): string | null {
	const uuids = rooms.map((room) => room.customer_uuid).filter((value): value is string => typeof value === 'string');
	const heads = new Set(uuids.map((value) => SITE_HEAD.exec(value)?.[1]));
	if (heads.size !== 1) return null;
	const [head] = heads;
	return head ?? null;
}

/** The site number, known for certain from a UUID search: what stands before `_<uuid sent>`. */
export function siteNumberFor(rooms: IDataObject[], sentUuid: string): string | null {
	for (const room of rooms) {
		const customerUuid = room.customer_uuid;
		if (customerUuid === sentUuid) return null;
		if (typeof customerUuid === 'string' && customerUuid.endsWith(`_${sentUuid}`)) {
			const head = customerUuid.slice(0, -sentUuid.length - 1);
			if (/^\d+$/.test(head)) return head;
		}
	}
	return siteNumberOf(rooms);
}

/** The plain uuid: `customer_uuid` with `<site>_` taken off, and nothing more. */
export function plainUuid(customerUuid: unknown, site: string | null): string | undefined {
	if (typeof customerUuid !== 'string') return undefined;
	return site !== null && customerUuid.startsWith(`${site}_`) ? customerUuid.slice(site.length + 1) : customerUuid;
}

/**
 * The node sends a Customer UUID exactly as given: `2024_lee77` may be a company's own uuid, and
 * cutting its digits would read or change another customer. When HappyTalk then finds no such
 * customer and the value looks like a pasted customer_uuid, the error says what to use instead.
 */
export function pastedCustomerUuidHint(uuid: unknown): string | undefined {
	const match = typeof uuid === 'string' ? SITE_HEAD.exec(uuid) : null;
	if (!match) return undefined;
	return `If "${uuid}" is a room's customer_uuid, its first part (${match[1]}_) is HappyTalk's site number: use the part after it (${match[2]}), or the uuid field of an earlier HappyTalk node. The node sends the Customer UUID exactly as given, since digits and _ may be part of a real uuid.`;
}
