/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Engine tests share one sandbox per file and run real HTTP; keep files in one worker pair.
	maxWorkers: 2,
	testTimeout: 30000,
	setupFiles: ['<rootDir>/test/support/env.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
