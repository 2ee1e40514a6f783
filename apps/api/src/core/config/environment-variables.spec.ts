import { ConfigValidationError, validateEnvironment } from './environment-variables';

const secret = 'x'.repeat(32);
const REPORTER_IDENTITY_KEY = 'k8yQ1M0f3Yb2bq0X2i7n0M1y7d2J1t7V4cQ9W3e5R6s=';

describe('validateEnvironment', () => {
  it('should apply machine defaults when only the secrets are given', () => {
    const config = validateEnvironment({ JWT_SECRET: secret, REPORTER_IDENTITY_KEY });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/helhet');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.COOKIE_SECURE).toBe(true);
  });

  it('should convert numbers and booleans from strings', () => {
    const config = validateEnvironment({ COOKIE_SECURE: 'false', JWT_SECRET: secret, PORT: '4100', REPORTER_IDENTITY_KEY });
    expect(config.PORT).toBe(4100);
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('should name the missing secret when JWT_SECRET is absent', () => {
    expect(() => validateEnvironment({})).toThrow(/JWT_SECRET/);
  });

  it('should refuse to start without a proper reporter identity key', () => {
    expect(() => validateEnvironment({ JWT_SECRET: secret })).toThrow(/REPORTER_IDENTITY_KEY must be 32 random bytes/);
    // Too short, not base64, and a placeholder of 32 zero bytes.
    for (const bad of ['c2hvcnQ=', 'x'.repeat(44), 'A'.repeat(43) + '=']) {
      expect(() => validateEnvironment({ JWT_SECRET: secret, REPORTER_IDENTITY_KEY: bad })).toThrow(/REPORTER_IDENTITY_KEY/);
    }
  });

  it('should name every bad key when several are wrong', () => {
    let error: unknown;
    try {
      validateEnvironment({ DATABASE_URL: 'mysql://x', JWT_SECRET: secret, PORT: 'abc', REDIS_URL: 'http://x', REPORTER_IDENTITY_KEY });
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
