import { provablyNotSent, retryWithBackoff } from './notification-delivery.processor';

describe('provablyNotSent', () => {
  it('retries failures before the message content was handed over, and refusals', () => {
    expect(provablyNotSent(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', command: 'CONN' }))).toBe(true);
    expect(provablyNotSent(Object.assign(new Error('bad recipient'), { code: 'EENVELOPE', command: 'RCPT TO' }))).toBe(true);
    expect(provablyNotSent(Object.assign(new Error('mailbox busy'), { command: 'DATA', responseCode: 451 }))).toBe(true);
  });

  it('does not retry when the message may have been accepted', () => {
    expect(provablyNotSent(Object.assign(new Error('connection closed'), { code: 'ESOCKET', command: 'DATA' }))).toBe(false);
    expect(provablyNotSent(new Error('something else'))).toBe(false);
  });
});

describe('retryWithBackoff', () => {
  it('retries with doubling pauses until the operation succeeds', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 4) throw new Error('connect ECONNREFUSED');
        return 'recorded';
      },
      { initialDelayMs: 100, maxDelayMs: 300, sleep: async (ms) => void pauses.push(ms) },
    );
    expect(result).toBe('recorded');
    expect(calls).toBe(4);
    expect(pauses).toEqual([100, 200, 300]);
  });

  it('rethrows the last error once the time budget is spent', async () => {
    let calls = 0;
    const attempt = retryWithBackoff(
      async () => {
        calls++;
        throw new Error(`outage ${calls}`);
      },
      { budgetMs: 60, initialDelayMs: 10, maxDelayMs: 10 },
    );
    await expect(attempt).rejects.toThrow(/^outage \d+$/);
    expect(calls).toBeGreaterThan(1);
  });
});
