import type { Redis } from 'ioredis';

import type { AppConfig } from '../core/config/app-config.service';
import { SessionRevocation } from './session-revocation';

const config = {
  get: (key: string) => ({ ACCESS_TOKEN_TTL_SECONDS: 900, REDIS_KEY_PREFIX: 'hh' })[key],
} as unknown as AppConfig;

const revocation = (redis: Partial<Redis> & { status: string }) => new SessionRevocation(redis as unknown as Redis, config);

describe('SessionRevocation', () => {
  it('should say revoked when the key exists and alive when it does not', async () => {
    const exists = jest.fn((key: string) => Promise.resolve(key === 'hh:session-revoked:gone' ? 1 : 0));
    const service = revocation({ exists: exists as unknown as Redis['exists'], status: 'ready' });
    await expect(service.state('gone')).resolves.toBe('revoked');
    await expect(service.state('live')).resolves.toBe('alive');
  });

  it('should say unknown at once when Redis is not connected, without queueing a command', async () => {
    const exists = jest.fn();
    const service = revocation({ exists: exists as unknown as Redis['exists'], status: 'reconnecting' });
    await expect(service.state('any')).resolves.toBe('unknown');
    expect(exists).not.toHaveBeenCalled();
  });

  it('should say unknown when Redis fails or does not answer within 250 ms', async () => {
    const failing = revocation({ exists: (() => Promise.reject(new Error('boom'))) as unknown as Redis['exists'], status: 'ready' });
    await expect(failing.state('any')).resolves.toBe('unknown');
    const hanging = revocation({ exists: (() => new Promise(() => undefined)) as unknown as Redis['exists'], status: 'ready' });
    const started = Date.now();
    await expect(hanging.state('any')).resolves.toBe('unknown');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('should write one key per session that outlives the access token, and swallow Redis errors', async () => {
    const set = jest.fn();
    const multi = jest.fn(() => ({ exec: () => Promise.resolve([]), set: (...args: unknown[]) => (set(...args), undefined) }));
    await revocation({ multi: multi as unknown as Redis['multi'], status: 'ready' }).revoke(['a', 'b', 'a']);
    expect(set.mock.calls).toEqual([
      ['hh:session-revoked:a', '1', 'EX', 960],
      ['hh:session-revoked:b', '1', 'EX', 960],
    ]);
    const broken = revocation({
      multi: (() => ({ exec: () => Promise.reject(new Error('down')), set: () => undefined })) as unknown as Redis['multi'],
      status: 'ready',
    });
    await expect(broken.revoke(['a'])).resolves.toBeUndefined();
  });
});
