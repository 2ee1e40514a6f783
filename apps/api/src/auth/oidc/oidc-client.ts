import { createHash, randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { type IdTokenClaims, IdTokenError, type Jwks, verifyIdToken } from './id-token';

/** The parts of a provider's `/.well-known/openid-configuration` the client uses. */
export interface OidcDiscovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
}

/** A provider call failed (network, status, bad document); logged, the user sees a generic message. */
export class OidcProviderError extends Error {}

const CACHE_MS = 60 * 60 * 1000;
const TIMEOUT_MS = 10_000;

export const randomToken = (): string => randomBytes(32).toString('base64url');
export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);

/**
 * A small OpenID Connect relying party on fetch + node:crypto (ADR 0016): discovery and JWKS cached per issuer for an
 * hour (the JWKS is refetched once when a token names an unknown key, i.e. after key rotation), the authorization
 * request with PKCE (S256), the code exchange with client_secret_basic (or _post when that is all the provider
 * offers) and ID token verification.
 */
@Injectable()
export class OidcClient {
  private readonly discoveries = new Map<string, { value: OidcDiscovery; until: number }>();
  private readonly jwksCache = new Map<string, { value: Jwks; until: number }>();

  async discover(issuer: string): Promise<OidcDiscovery> {
    const cached = this.discoveries.get(issuer);
    if (cached && cached.until > Date.now()) return cached.value;
    const document = await this.getJson(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    if (document['issuer'] !== issuer) throw new OidcProviderError(`Discovery issuer ${String(document['issuer'])} is not ${issuer}`);
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
      if (!isHttpUrl(document[field])) throw new OidcProviderError(`Discovery has no ${field}`);
    const value = document as unknown as OidcDiscovery;
    this.discoveries.set(issuer, { until: Date.now() + CACHE_MS, value });
    return value;
  }

  authorizationUrl(
    discovery: OidcDiscovery,
    request: {
      clientId: string;
      redirectUri: string;
      scopes: string;
      state: string;
      nonce: string;
      codeVerifier: string;
      loginHint?: string;
    },
  ): string {
    const url = new URL(discovery.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', request.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('scope', request.scopes);
    url.searchParams.set('state', request.state);
    url.searchParams.set('nonce', request.nonce);
    url.searchParams.set('code_challenge', pkceChallenge(request.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    if (request.loginHint) url.searchParams.set('login_hint', request.loginHint);
    return url.toString();
  }

  /** Exchanges the code (with the PKCE verifier) and returns the verified ID token's claims. */
  async exchangeCode(
    discovery: OidcDiscovery,
    request: { clientId: string; clientSecret: string; redirectUri: string; code: string; codeVerifier: string; nonce: string },
  ): Promise<IdTokenClaims> {
    const body = new URLSearchParams({
      code: request.code,
      code_verifier: request.codeVerifier,
      grant_type: 'authorization_code',
      redirect_uri: request.redirectUri,
    });
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    const methods = discovery.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (methods.includes('client_secret_basic')) {
      const credentials = `${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`;
      headers['authorization'] = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    } else {
      body.set('client_id', request.clientId);
      body.set('client_secret', request.clientSecret);
    }
    const response = await this.fetch(discovery.token_endpoint, { body, headers, method: 'POST' });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new OidcProviderError(`Token endpoint answered ${response.status} ${String(json['error'] ?? '')}`);
    const idToken = json['id_token'];
    if (typeof idToken !== 'string') throw new OidcProviderError('Token response has no id_token');
    const expected = { audience: request.clientId, issuer: discovery.issuer, nonce: request.nonce, now: Math.floor(Date.now() / 1000) };
    try {
      return verifyIdToken(idToken, await this.jwks(discovery.jwks_uri), expected);
    } catch (error) {
      if (!(error instanceof IdTokenError) || error.reason !== 'unknown_key') throw error;
      return verifyIdToken(idToken, await this.jwks(discovery.jwks_uri, true), expected);
    }
  }

  private async jwks(uri: string, refresh = false): Promise<Jwks> {
    const cached = this.jwksCache.get(uri);
    if (!refresh && cached && cached.until > Date.now()) return cached.value;
    const document = await this.getJson(uri);
    if (!Array.isArray(document['keys'])) throw new OidcProviderError('JWKS has no keys');
    const value = document as unknown as Jwks;
    this.jwksCache.set(uri, { until: Date.now() + CACHE_MS, value });
    return value;
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    const response = await this.fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new OidcProviderError(`${url} answered ${response.status}`);
    const json: unknown = await response.json().catch(() => null);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new OidcProviderError(`${url} is not a JSON object`);
    return json as Record<string, unknown>;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new OidcProviderError(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
