/* Browser end-to-end specs; started by e2e/run-e2e.mjs, which provides HELHET_E2E_BASE_URL. */
const { join } = require('node:path');

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/specs/**/*.e2e-spec.ts'],
  maxWorkers: 1,
  setupFilesAfterEnv: ['<rootDir>/support/setup.ts'],
  testTimeout: 90_000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(__dirname, 'tsconfig.json') }] },
  reporters: ['default', join(__dirname, '../tools/jest-count-reporter.cjs')],
};
