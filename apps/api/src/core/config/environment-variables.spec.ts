import { ConfigValidationError, validateEnvironment } from './environment-variables';

const secret = 'x'.repeat(32);

describe('validateEnvironment', () => {
  it('should apply machine defaults when only the secret is given', () => {
    const config = validateEnvironment({ JWT_SECRET: secret });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/helhet');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.COOKIE_SECURE).toBe(true);
  });

  it('should convert numbers and booleans from strings', () => {
    const config = validateEnvironment({ COOKIE_SECURE: 'false', JWT_SECRET: secret, PORT: '4100' });
    expect(config.PORT).toBe(4100);
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('should name the missing secret when JWT_SECRET is absent', () => {
    expect(() => validateEnvironment({})).toThrow(/JWT_SECRET/);
  });

  it('should name every bad key when several are wrong', () => {
    let error: unknown;
    try {
      validateEnvironment({ DATABASE_URL: 'mysql://x', JWT_SECRET: secret, PORT: 'abc', REDIS_URL: 'http://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL');
  });
});
