import { provablyNotSent } from './notification-delivery.processor';

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
