/* Unit tests: *.spec.ts next to the code. Integration tests have their own config (jest.integration.config.cts). */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/bullmq 12 and @nestjs/bull-shared 12 are ESM-only (stack.md P5).
  transformIgnorePatterns: ['node_modules/(?!(@nestjs/(bullmq|bull-shared))/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
