// Browser tests drive a real browser against real services: retry a failed test once, and log the first
// failure, so an occasional timing flake shows in the output without failing the run. A test that fails
// twice fails.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
