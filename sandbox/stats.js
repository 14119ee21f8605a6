'use strict';

// A benchmark client may end each message with "#<number>" (its own sequence) so order can be checked.
const SEQUENCE = /#(\d+)$/;

/**
 * Delivery facts, kept as requests settle so a benchmark with thousands of requests can read them
 * without every record. A write is delivered when the API itself (not a fault, not the rate limit)
 * answered it code 0. reset() starts a new one; a request still in flight keeps the old one.
 */
function createStats() {
	const counts = { requests: 0, delivered: 0, rateLimited: 0, perRoomOrderViolations: 0, duplicates: 0 };
	const times = { firstReceivedAt: null, lastReceivedAt: null, lastAnsweredAt: null };
	// room_id -> the last delivered sequence number (a BigInt, so long numbers compare exactly).
	const lastSequence = new Map();
	// room_id + '\n' + msg|url of every delivered write.
	const seen = new Set();
	// In flight: received, not yet settled. Its peak shows how many requests a client really had open.
	const flight = { now: 0, peak: 0 };

	const delivered = (body) => {
		counts.delivered += 1;
		const roomId = String(body.room_id);
		const text = body.type === 'text' ? body.msg : body.url;
		const key = `${roomId}\n${text}`;
		if (seen.has(key)) counts.duplicates += 1;
		else seen.add(key);
		const match = SEQUENCE.exec(text);
		if (!match) return;
		const number = BigInt(match[1]);
		// Compared with the previous numbered write delivered to the room, not with the highest.
		if (lastSequence.has(roomId) && number <= lastSequence.get(roomId)) counts.perRoomOrderViolations += 1;
		lastSequence.set(roomId, number);
	};

	return {
		received(record) {
			counts.requests += 1;
			times.firstReceivedAt ??= record.receivedAt;
			times.lastReceivedAt = record.receivedAt;
			flight.now += 1;
			flight.peak = Math.max(flight.peak, flight.now);
		},
		// Once per request, however it ended: answered, destroyed, or the client went away.
		settled() {
			flight.now -= 1;
		},
		// `by` is who answered: 'api', 'fault' or 'rate-limit'.
		answered(record, by) {
			times.lastAnsweredAt = Math.max(times.lastAnsweredAt ?? 0, record.answeredAt);
			if (by === 'rate-limit') counts.rateLimited += 1;
			if (by === 'api' && record.path === '/v1/chat/write' && record.code === 0) delivered(record.body);
		},
		snapshot() {
			return {
				requests: counts.requests,
				delivered: counts.delivered,
				rateLimited: counts.rateLimited,
				...times,
				perRoomOrderViolations: counts.perRoomOrderViolations,
				duplicates: counts.duplicates,
				peakInFlight: flight.peak,
			};
		},
	};
}

module.exports = { createStats, SEQUENCE };
