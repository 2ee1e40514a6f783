import { constants, createPublicKey, type JsonWebKey, verify } from 'node:crypto';

/**
 * Verification of an OpenID Connect ID token (a JWS in compact form) against the provider's JWKS, with node:crypto
 * only (ADR 0016): asymmetric algorithms only (never `none` or HMAC, whatever the header says), the key chosen by
 * `kid`, then issuer, audience (and `azp` when there are several audiences), expiry, issued-at and nonce.
 * Pure: the caller fetches the JWKS and passes the time.
 */

export interface Jwks {
  keys: (JsonWebKey & { kid?: string; use?: string; alg?: string })[];
}

export interface IdTokenExpectations {
  issuer: string;
  /** Our client id. */
  audience: string;
  nonce: string;
  /** Seconds since the epoch. */
  now: number;
  clockSkewSeconds?: number;
}

export type IdTokenClaims = Record<string, unknown> & { sub: string; iss: string };

/** Why a token was refused (logged, never shown to the user). `unknown_key` means: refetch the JWKS and retry once. */
export class IdTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'algorithm' | 'unknown_key' | 'signature' | 'issuer' | 'audience' | 'expired' | 'nonce' | 'claims',
    message: string,
  ) {
    super(message);
  }
}

const ALGORITHMS: Readonly<Record<string, { hash: string; kty: string; padding?: 'pss'; ecdsa?: boolean }>> = {
  ES256: { ecdsa: true, hash: 'sha256', kty: 'EC' },
  ES384: { ecdsa: true, hash: 'sha384', kty: 'EC' },
  ES512: { ecdsa: true, hash: 'sha512', kty: 'EC' },
  PS256: { hash: 'sha256', kty: 'RSA', padding: 'pss' },
  PS384: { hash: 'sha384', kty: 'RSA', padding: 'pss' },
  PS512: { hash: 'sha512', kty: 'RSA', padding: 'pss' },
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
};

const decodeJson = (part: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
};

const selectKey = (jwks: Jwks, kid: unknown, kty: string, alg: string): JsonWebKey => {
  const candidates = jwks.keys.filter(
    (key) => key.kty === kty && (key.use === undefined || key.use === 'sig') && (key.alg === undefined || key.alg === alg),
  );
  const matching = typeof kid === 'string' ? candidates.filter((key) => key.kid === kid) : candidates;
  const [key] = matching;
  if (!key || matching.length > 1) throw new IdTokenError('unknown_key', `No single ${kty} key for kid ${String(kid)}`);
  return key;
};

export const verifyIdToken = (token: string, jwks: Jwks, expected: IdTokenExpectations): IdTokenClaims => {
  const parts = token.split('.');
  const [headerPart, payloadPart, signaturePart] = parts;
  if (parts.length !== 3 || !headerPart || !payloadPart || !signaturePart) throw new IdTokenError('malformed', 'Not a compact JWS');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeJson(headerPart);
    claims = decodeJson(payloadPart);
  } catch {
    throw new IdTokenError('malformed', 'Header or payload is not JSON');
  }
  const algorithm = typeof header['alg'] === 'string' ? ALGORITHMS[header['alg']] : undefined;
  if (!algorithm || typeof header['alg'] !== 'string')
    throw new IdTokenError('algorithm', `Algorithm ${String(header['alg'])} not accepted`);
  const jwk = selectKey(jwks, header['kid'], algorithm.kty, header['alg']);
  const key = createPublicKey({ format: 'jwk', key: jwk });
  const data = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
  const signature = Buffer.from(signaturePart, 'base64url');
  const valid = algorithm.ecdsa
    ? verify(algorithm.hash, data, { dsaEncoding: 'ieee-p1363', key }, signature)
    : algorithm.padding === 'pss'
      ? verify(
          algorithm.hash,
          data,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
          signature,
        )
      : verify(algorithm.hash, data, key, signature);
  if (!valid) throw new IdTokenError('signature', 'Signature does not verify');

  const skew = expected.clockSkewSeconds ?? 120;
  if (claims['iss'] !== expected.issuer) throw new IdTokenError('issuer', `Issuer ${String(claims['iss'])} is not ${expected.issuer}`);
  const audiences = Array.isArray(claims['aud']) ? (claims['aud'] as unknown[]) : [claims['aud']];
  if (!audiences.includes(expected.audience)) throw new IdTokenError('audience', 'Token is not for this client');
  if ((audiences.length > 1 || claims['azp'] !== undefined) && claims['azp'] !== expected.audience)
    throw new IdTokenError('audience', 'Authorized party is not this client');
  if (typeof claims['exp'] !== 'number' || claims['exp'] + skew <= expected.now) throw new IdTokenError('expired', 'Token has expired');
  if (typeof claims['iat'] !== 'number' || claims['iat'] - skew > expected.now)
    throw new IdTokenError('claims', 'Token issued in the future');
  if (typeof claims['nonce'] !== 'string' || claims['nonce'] !== expected.nonce) throw new IdTokenError('nonce', 'Nonce does not match');
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '') throw new IdTokenError('claims', 'No subject');
  return claims as IdTokenClaims;
};
