/** `npm run test:e2e`: a real n8n, installed once into a cache folder outside the repo. */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	testPathIgnorePatterns: [],
	// One n8n at a time: each takes about 1 GB and both cores while it starts.
	maxWorkers: 1,
	testTimeout: 600000,
};
