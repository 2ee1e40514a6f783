import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import { IdTokenError, type Jwks, verifyIdToken } from './id-token';

const ISSUER = 'https://login.example.test/tenant/v2.0';
const CLIENT = 'helhet-client';
const NOW = 1_800_000_000;

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks: Jwks = {
  keys: [
    { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', use: 'sig' },
    { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', use: 'sig' },
  ],
};

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (overrides: Record<string, unknown> = {}) => ({
  aud: CLIENT,
  email: 'kari@kommune.no',
  exp: NOW + 300,
  iat: NOW - 5,
  iss: ISSUER,
  nonce: 'the-nonce',
  sub: 'subject-1',
  ...overrides,
});

const token = (
  payload: object,
  header: Record<string, unknown> = { alg: 'RS256', kid: 'rsa-1' },
  key: KeyObject = rsa.privateKey,
): string => {
  const data = `${b64(header)}.${b64(payload)}`;
  const alg = String(header['alg']);
  const signature = alg.startsWith('ES')
    ? sign('sha256', Buffer.from(data), { dsaEncoding: 'ieee-p1363', key })
    : alg === 'none'
      ? Buffer.alloc(0)
      : sign('sha256', Buffer.from(data), key);
  return `${data}.${signature.toString('base64url')}`;
};

const expected = { audience: CLIENT, issuer: ISSUER, nonce: 'the-nonce', now: NOW };
const reasonOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof IdTokenError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('verifyIdToken', () => {
  it('should accept a token signed by the provider key named by kid (RS256 and ES256) and return its claims', () => {
    expect(verifyIdToken(token(claims()), jwks, expected)).toMatchObject({ email: 'kari@kommune.no', sub: 'subject-1' });
    expect(verifyIdToken(token(claims(), { alg: 'ES256', kid: 'ec-1' }, ec.privateKey), jwks, expected).sub).toBe('subject-1');
  });

  it('should refuse a wrong nonce, issuer, audience or authorized party', () => {
    expect(reasonOf(() => verifyIdToken(token(claims({ nonce: 'other' })), jwks, expected))).toBe('nonce');
    expect(reasonOf(() => verifyIdToken(token(claims({ nonce: undefined })), jwks, expected))).toBe('nonce');
    expect(reasonOf(() => verifyIdToken(token(claims({ iss: 'https://evil.example.test' })), jwks, expected))).toBe('issuer');
    expect(reasonOf(() => verifyIdToken(token(claims({ aud: 'someone-else' })), jwks, expected))).toBe('audience');
    expect(reasonOf(() => verifyIdToken(token(claims({ aud: [CLIENT, 'someone-else'] })), jwks, expected))).toBe('audience');
    expect(reasonOf(() => verifyIdToken(token(claims({ aud: [CLIENT, 'x'], azp: CLIENT })), jwks, expected))).toBe('accepted');
  });

  it('should refuse an expired token, one issued in the future, and one without a subject (with two minutes of clock skew)', () => {
    expect(reasonOf(() => verifyIdToken(token(claims({ exp: NOW - 121 })), jwks, expected))).toBe('expired');
    expect(reasonOf(() => verifyIdToken(token(claims({ exp: NOW - 60 })), jwks, expected))).toBe('accepted');
    expect(reasonOf(() => verifyIdToken(token(claims({ exp: undefined })), jwks, expected))).toBe('expired');
    expect(reasonOf(() => verifyIdToken(token(claims({ iat: NOW + 600 })), jwks, expected))).toBe('claims');
    expect(reasonOf(() => verifyIdToken(token(claims({ sub: '' })), jwks, expected))).toBe('claims');
  });

  it('should refuse a forged signature, alg none, HMAC and unknown keys', () => {
    expect(reasonOf(() => verifyIdToken(token(claims(), { alg: 'RS256', kid: 'rsa-1' }, otherRsa.privateKey), jwks, expected))).toBe(
      'signature',
    );
    const genuine = token(claims()).split('.');
    const tampered = `${genuine[0]}.${b64(claims({ sub: 'admin' }))}.${genuine[2]}`;
    expect(reasonOf(() => verifyIdToken(tampered, jwks, expected))).toBe('signature');
    expect(reasonOf(() => verifyIdToken(token(claims(), { alg: 'none' }), jwks, expected))).toBe('malformed');
    expect(reasonOf(() => verifyIdToken(`${token(claims(), { alg: 'none' })}AAAA`, jwks, expected))).toBe('algorithm');
    expect(reasonOf(() => verifyIdToken(token(claims(), { alg: 'HS256', kid: 'rsa-1' }), jwks, expected))).toBe('algorithm');
    expect(reasonOf(() => verifyIdToken(token(claims(), { alg: 'RS256', kid: 'rotated-away' }), jwks, expected))).toBe('unknown_key');
    // An RSA token that names the EC key's kid finds no RSA key under it.
    expect(reasonOf(() => verifyIdToken(token(claims(), { alg: 'RS256', kid: 'ec-1' }), jwks, expected))).toBe('unknown_key');
    expect(reasonOf(() => verifyIdToken('not.a-token', jwks, expected))).toBe('malformed');
  });
});
