/*
 * Runs before each integration test file's imports. Worker lock options are read when processor classes
 * load (core/queue/worker-options.ts); a short lock lets a test see a killed worker's job run again quickly.
 */
process.env['WORKER_LOCK_DURATION_MS'] ??= '1500';
