/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The real-n8n tests have their own run: npm run test:e2e.
	testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
	// Each engine test file starts its own sandbox on a free port, so files may run in parallel.
	maxWorkers: 2,
	testTimeout: 30000,
	setupFiles: ['<rootDir>/test/support/env.ts'],
	// One temporary folder per run, as TMPDIR, removed at its end (test/support/tempFolder.js).
	globalSetup: '<rootDir>/test/support/tempSetup.js',
	globalTeardown: '<rootDir>/test/support/tempTeardown.js',
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
