import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForOptions {
  /** Give up after this many milliseconds (default 15 s). */
  timeout?: number;
  /** Pause between probes (default 100 ms). */
  interval?: number;
  /** Named in the timeout error. */
  what?: string;
}

/**
 * The one wait of the integration tests: polls `probe` until it returns something other than undefined,
 * null or false, and returns that value. Tests wait for a state, never for a fixed time.
 */
export const waitFor = async <T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { interval = 100, timeout = 15_000, what = 'condition' }: WaitForOptions = {},
): Promise<T> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
};
