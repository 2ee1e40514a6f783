/*
 * Appends each Jest run's counts to $HELHET_RESULTS_DIR (one JSON file per run) so `npm test` can print one
 * total. `flaky` lists the tests that passed only on a retry (jest.retryTimes): Jest 30 reports them as passed,
 * with `invocations` > 1 and the earlier failures in `retryReasons`.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir || process.cwd();
    this.name = (globalConfig.projects?.[0] || globalConfig.rootDir || 'jest').replace(/[^A-Za-z0-9]+/g, '_').slice(-60);
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.HELHET_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const flaky = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const retried = (test.invocations ?? 1) > 1 || (test.retryReasons?.length ?? 0) > 0;
        if (test.status === 'passed' && retried) {
          flaky.push(`${relative(this.rootDir, file.testFilePath)} › ${test.fullName || test.title}`);
        }
      }
    }
    // A suite that fails to load has no failed tests but must still count as a failure.
    const counts = {
      failed: results.numFailedTests + (results.numRuntimeErrorTestSuites || 0),
      flaky,
      passed: results.numPassedTests,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${this.name}-${process.pid}-${Date.now()}.json`), JSON.stringify(counts));
  }
}

module.exports = CountReporter;
