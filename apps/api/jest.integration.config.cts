/* API integration tests: *.integration-spec.ts against the real PostgreSQL and Redis. One worker; a fresh database per run. */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  maxWorkers: 1,
  // HELHET_IT_ORDER=reverse|random[:seed] runs the files in another order (test/order-sequencer.cjs).
  testSequencer: '<rootDir>/test/order-sequencer.cjs',
  testTimeout: 60_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['node_modules/(?!(@nestjs/(bullmq|bull-shared))/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
};
