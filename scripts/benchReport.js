/** The benchmark's table (Markdown) and chart (SVG), from the measured rows. */

function renderTable(rows, { latencyMs, version }) {
	const header = [
		`Bulk sending in n8n ${version}, sandbox latency ${latencyMs} ms, on this machine (${require('node:os').cpus().length} cores).`,
		'',
		'| run | wall time (s) | msg/s | peak in flight | bound (s) | time / bound | order violations | failed | lost | duplicated | 429s | n8n peak memory (MB) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	const lines = rows.map(
		(row) =>
			`| ${row.label} | ${row.seconds.toFixed(2)} | ${row.perSecond.toFixed(0)} | ${row.peakInFlight} | ${row.boundSeconds.toFixed(2)} | ${(row.seconds / row.boundSeconds).toFixed(2)} | ${row.orderViolations} | ${row.failed} | ${row.lost} | ${row.duplicates} | ${row.rateLimited} | ${row.peakRssMb.toFixed(0)} |`,
	);
	return [...header, ...lines].join('\n');
}

/** A horizontal bar chart of messages per second, one bar per run, its peak in flight and problems beside it. */
function renderSvg(rows, { title = 'Messages delivered per second (higher is better), the most requests in flight at once, and problems', unit = 'msg/s', flight = ' in flight' } = {}) {
	const barHeight = 22;
	const gap = 8;
	const left = 20 + Math.max(...rows.map((row) => row.label.length)) * 6.6;
	const barSpace = 420;
	const width = left + barSpace + 330;
	const max = Math.max(...rows.map((row) => row.perSecond), 1);
	const height = rows.length * (barHeight + gap) + 60;
	const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	const bars = rows.map((row, i) => {
		const y = 40 + i * (barHeight + gap);
		const length = Math.max(2, (barSpace * row.perSecond) / max);
		const ours = row.label.includes('HappyTalk');
		const problems = [
			row.orderViolations && `${row.orderViolations} out of order`,
			row.failed && `${row.failed} failed`,
			row.lost && `${row.lost} lost`,
			row.duplicates && `${row.duplicates} duplicated`,
		].filter(Boolean);
		return [
			`<text x="${left - 10}" y="${y + 15}" text-anchor="end" font-size="12">${escape(row.label)}</text>`,
			`<rect x="${left}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" fill="${ours ? '#f5b700' : '#8a8f98'}"/>`,
			`<text x="${left + length + 6}" y="${y + 15}" font-size="12">${row.perSecond.toFixed(0)} ${unit}, ${row.peakInFlight}${flight}${problems.length ? ` (${problems.join(', ')})` : ''}</text>`,
		].join('');
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${height}" font-family="sans-serif">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
		...bars,
		'</svg>',
	].join('\n');
}

/** The chatbot loop: one row per mode, load and contender; CPU seconds of each n8n process. */
function renderLoopTable(rows, { version, messages, rooms, rounds, latencyMs, loadAverage }) {
	const cpuOf = (row) =>
		Object.entries(row.cpu)
			.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
			.join(', ');
	const header = [
		`The chatbot loop in n8n ${version}: ${messages} customer messages over ${rooms} rooms per run, sandbox latency ${latencyMs} ms, on this machine (${require('node:os').cpus().length} cores shared by every process).`,
		`Each row: ${rounds} runs of its contender, in rounds that each begin with another contender. Latencies pooled over the runs; lost, duplicated, wrong-room replies and order violations summed over them; CPU seconds per run, averaged.`,
		'Latency: from the customer message leaving the sandbox to the reply reaching it. Answer: how long HappyTalk waited for the HTTP answer to its delivery. CPU stolen: the share of the machine\'s CPU time its hypervisor gave to other machines during the runs (/proc/stat); rows with more than a few per cent were slowed from outside.',
		...(loadAverage
			? [`Load average of the machine during the run (other work included): ${loadAverage.min.toFixed(1)} at least, ${loadAverage.median.toFixed(1)} median, ${loadAverage.max.toFixed(1)} at most.`]
			: []),
		'',
		'| mode | load | contender | replies/s | p50 (ms) | p95 (ms) | p95 of each run (ms) | p99 (ms) | answer p50 (ms) | lost | duplicated | wrong room | order violations | CPU s per process and run | CPU stolen (%) |',
		'|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|',
	];
	const lines = rows.map(
		(row) =>
			`| ${row.mode} | ${row.load} | ${row.contender} | ${row.repliesPerSecond.toFixed(1)} | ${row.p50} | ${row.p95} | ${(row.p95PerRun ?? []).join(', ')} | ${row.p99} | ${row.answerP50} | ${row.lost} | ${row.duplicated} | ${row.wrongRoom} | ${row.orderViolations} | ${cpuOf(row)} | ${Number.isFinite(row.stealPercent) ? row.stealPercent.toFixed(0) : '?'} |`,
	);
	return [...header, ...lines].join('\n');
}

/** Replies per second and p95 latency of each run, grouped by mode and load. */
function renderLoopSvg(rows) {
	return renderSvg(
		rows.map((row) => ({
			label: `${row.mode}, ${row.load}: ${row.contender}`,
			perSecond: row.repliesPerSecond,
			peakInFlight: `p95 ${row.p95} ms`,
			orderViolations: row.orderViolations,
			lost: row.lost,
			duplicates: row.duplicated,
			failed: row.wrongRoom && `${row.wrongRoom} wrong-room`,
		})),
		{ title: 'Chatbot loop: replies per second (higher is better), p95 latency and problems', unit: 'replies/s', flight: '' },
	);
}

module.exports = { renderTable, renderSvg, renderLoopTable, renderLoopSvg };
