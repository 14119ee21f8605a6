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
function renderSvg(rows) {
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
		const ours = row.label.startsWith('HappyTalk');
		const problems = [
			row.orderViolations && `${row.orderViolations} out of order`,
			row.failed && `${row.failed} failed`,
			row.lost && `${row.lost} lost`,
			row.duplicates && `${row.duplicates} duplicated`,
		].filter(Boolean);
		return [
			`<text x="${left - 10}" y="${y + 15}" text-anchor="end" font-size="12">${escape(row.label)}</text>`,
			`<rect x="${left}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" fill="${ours ? '#f5b700' : '#8a8f98'}"/>`,
			`<text x="${left + length + 6}" y="${y + 15}" font-size="12">${row.perSecond.toFixed(0)} msg/s, ${row.peakInFlight} in flight${problems.length ? ` (${problems.join(', ')})` : ''}</text>`,
		].join('');
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${height}" font-family="sans-serif">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="10" y="22" font-size="15" font-weight="bold">Messages delivered per second (higher is better), the most requests in flight at once, and problems</text>`,
		...bars,
		'</svg>',
	].join('\n');
}

module.exports = { renderTable, renderSvg };
