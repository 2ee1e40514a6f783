/*
 * Runs before each integration test file's imports. Worker options are read when processor classes load
 * (core/queue/worker-options.ts). In-process workers keep the normal 30 s lock (a busy test process must not
 * lose its jobs to the stall check) but look for expired locks every second, so a job of a worker process a
 * test killed (which ran with a short lock, see notification-delivery.integration-spec.ts) runs again quickly.
 */
process.env['WORKER_STALLED_INTERVAL_MS'] ??= '1000';
