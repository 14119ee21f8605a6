const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n reads icons and the codex (*.node.json) from next to the built files.
function buildIcons() {
	return src('nodes/**/*.{png,svg,json}', { encoding: false }).pipe(dest('dist/nodes'));
}

exports['build:icons'] = buildIcons;
