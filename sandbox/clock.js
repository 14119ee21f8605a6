'use strict';

/**
 * HappyTalk's own clock: the time it writes into reg_date, complate_date and send_date, and the
 * day it takes as "today". Nothing in the spec ties it to a client's clock, so a test can put it
 * ahead or behind (`offsetMs`), or set it to a time and let it run faster than real time
 * (`nowMs`, `speed`), to keep pace with an n8n on a fast clock (faketime).
 */
function createClock() {
	let anchorRealMs = 0;
	let anchorMs = 0;
	let speed = 1;
	let offsetMs = 0;
	const clock = {
		now() {
			const real = Date.now();
			return speed === 1 && anchorRealMs === 0 ? real + offsetMs : anchorMs + (real - anchorRealMs) * speed;
		},
		/** { offsetMs } (ahead when positive, behind when negative), or { nowMs, speed = 1 }; {} is real time. */
		set(setting) {
			const input = setting ?? {};
			if (typeof input !== 'object' || Array.isArray(input)) throw new TypeError('send { "offsetMs": -3600000 } or { "nowMs": 1790000000000, "speed": 60 }');
			const known = ['offsetMs', 'nowMs', 'speed'];
			const unknown = Object.keys(input).find((key) => !known.includes(key));
			if (unknown !== undefined) throw new TypeError(`the clock has no setting ${unknown} (allowed: ${known.join(', ')})`);
			if (input.offsetMs !== undefined && input.nowMs !== undefined) throw new TypeError('send offsetMs or nowMs, not both');
			for (const key of known) {
				if (input[key] !== undefined && !(typeof input[key] === 'number' && Number.isFinite(input[key]))) throw new TypeError(`clock ${key} must be a number`);
			}
			if (input.speed !== undefined && !(input.speed > 0)) throw new TypeError('clock speed must be above 0');
			if (input.speed !== undefined && input.nowMs === undefined) throw new TypeError('clock speed needs nowMs, the time to run from');
			offsetMs = input.offsetMs ?? 0;
			speed = input.speed ?? 1;
			anchorRealMs = input.nowMs === undefined ? 0 : Date.now();
			anchorMs = input.nowMs ?? 0;
			return clock.describe();
		},
		describe() {
			return { nowMs: clock.now(), offsetMs: clock.now() - Date.now(), speed };
		},
	};
	return clock;
}

module.exports = { createClock };
