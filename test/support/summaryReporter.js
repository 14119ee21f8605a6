// Ends the run with one plain line ("jest: N passed, N failed") that CI can read. A test file that
// could not run at all (a syntax error, a missing module, a failing beforeAll) counts as a failure.
// With HAPPYTALK_TEST_TOTALS set, the figures are also appended to that file, so .ci/run can close
// with the total of all its jest runs.
const fs = require('node:fs');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		process.stderr.write(
			`\njest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
		);
		if (process.env.HAPPYTALK_TEST_TOTALS) {
			fs.appendFileSync(process.env.HAPPYTALK_TEST_TOTALS, `${results.numPassedTests} ${failed} ${skipped}\n`);
		}
	}
}

module.exports = SummaryReporter;
