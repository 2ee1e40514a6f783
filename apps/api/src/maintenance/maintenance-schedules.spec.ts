import { EventEmitter } from 'node:events';

import type { Queue } from 'bullmq';

import type { AppConfig } from '../core/config/app-config.service';
import { JobName } from '../core/queue/queue-names';
import { MAINTENANCE_SCHEDULES, MaintenanceSchedules, OUTBOX_SWEEP_AFTER_RECONNECT_MS } from './maintenance-schedules';

/** A queue double recording what the schedules service asks of BullMQ (no Redis: the behaviour under test is ours). */
const fakeQueue = (present: string[]) => {
  const backend = new EventEmitter();
  const added: { name: string; opts: { delay?: number; jobId?: string } }[] = [];
  const upserted: string[] = [];
  const queue = {
    add: (name: string, _data: unknown, opts: { delay?: number; jobId?: string }) => {
      added.push({ name, opts });
      return Promise.resolve({});
    },
    getBackend: () => backend,
    getJobSchedulers: () => Promise.resolve(present.map((key) => ({ key }))),
    upsertJobScheduler: (key: string) => {
      upserted.push(key);
      return Promise.resolve({});
    },
  };
  return { added, backend, queue: queue as unknown as Queue, upserted };
};

const config = { get: () => 3_600_000 } as unknown as AppConfig;

describe('MaintenanceSchedules', () => {
  it('should restore only the missing schedules and queue one delayed outbox sweep when Redis is ready again', async () => {
    const present = MAINTENANCE_SCHEDULES.map((schedule) => schedule.key).filter((key) => key !== JobName.requeueStalledOutbox);
    const { added, queue, upserted } = fakeQueue(present);
    const schedules = new MaintenanceSchedules(queue, config);
    await schedules.afterReconnect();
    expect(upserted).toEqual([JobName.requeueStalledOutbox]);
    expect(added).toHaveLength(1);
    expect(added[0]!.name).toBe(JobName.requeueStalledOutbox);
    expect(added[0]!.opts.delay).toBe(OUTBOX_SWEEP_AFTER_RECONNECT_MS);
    expect(added[0]!.opts.jobId).toMatch(/^outbox-after-reconnect-\d+$/);
  });

  it('should react to the backend connection becoming ready after start', async () => {
    const { added, backend, queue, upserted } = fakeQueue([]);
    const schedules = new MaintenanceSchedules(queue, config);
    await schedules.onApplicationBootstrap();
    expect(upserted).toHaveLength(MAINTENANCE_SCHEDULES.length);
    backend.emit('ready');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(added.map((job) => job.name)).toEqual([JobName.requeueStalledOutbox]);
    schedules.onApplicationShutdown();
  });
});
