/* Appends each Jest run's counts to $HELHET_RESULTS_DIR (one JSON file per run) so `npm test` can print one total. */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.name = (globalConfig.projects?.[0] || globalConfig.rootDir || 'jest').replace(/[^A-Za-z0-9]+/g, '_').slice(-60);
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.HELHET_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    // A suite that fails to load has no failed tests but must still count as a failure.
    const counts = {
      failed: results.numFailedTests + (results.numRuntimeErrorTestSuites || 0),
      passed: results.numPassedTests,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${this.name}-${process.pid}-${Date.now()}.json`), JSON.stringify(counts));
  }
}

module.exports = CountReporter;
