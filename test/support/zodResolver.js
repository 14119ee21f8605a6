/**
 * A jest resolver for `npm test`'s second run (scripts/zod4.js): the package's code and the tests
 * get the zod installed in HAPPYTALK_ZOD_DIR, the way n8n hands a community package its own zod
 * (n8n puts its node_modules on NODE_PATH). What lives in node_modules (n8n-core, n8n-workflow)
 * keeps the zod it was built with.
 */
const path = require('node:path');

module.exports = (request, options) => {
	const zodDir = process.env.HAPPYTALK_ZOD_DIR;
	const ours = !options.basedir.split(path.sep).includes('node_modules');
	if (zodDir && ours && /^zod(\/|$)/.test(request)) {
		return options.defaultResolver(request, { ...options, basedir: zodDir });
	}
	return options.defaultResolver(request, options);
};
