const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // The count reporter lets `npm test` print one "N passed, N failed, N skipped" line over every project.
  reporters: ['default', join(__dirname, 'tools/jest-count-reporter.cjs')],
};
