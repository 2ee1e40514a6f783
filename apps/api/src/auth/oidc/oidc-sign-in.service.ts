import { createHash, timingSafeEqual } from 'node:crypto';

import type { MeResponse, SsoFailureReason } from '@helhet/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { AppConfig } from '../../core/config/app-config.service';
import { REDIS } from '../../core/redis/redis.module';
import { User } from '../../users/entities/user.entity';
import { AuthService } from '../auth.service';
import type { IssuedTokens } from '../tokens.service';
import { IdTokenError } from './id-token';
import { OidcClient, OidcProviderError, randomToken } from './oidc-client';
import { SsoSettingsService } from './sso-settings.service';

/** How long a started sign-in may take at the provider. */
export const OIDC_FLOW_TTL_SECONDS = 600;

/** What `start` stores server-side under the state (Redis, single use, TTL). */
interface PendingFlow {
  tenantId: string;
  nonce: string;
  codeVerifier: string;
  /** SHA-256 of the browser-binding cookie: the callback must come from the browser that started. */
  bindingHash: string;
  /** The web app's locale the user started from; the callback sends the browser back to it. */
  locale: WebLocale;
}

/** The web app's locale folders (`/nb/`, `/en/`); bokmål unless the start link says otherwise. */
export type WebLocale = 'nb' | 'en';
export const webLocale = (value: unknown): WebLocale => (value === 'en' ? 'en' : 'nb');

export type OidcCallbackResult = ({ ok: true; me: MeResponse; tokens: IssuedTokens } | { ok: false; reason: SsoFailureReason }) & {
  locale: WebLocale;
};

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Sign-in through the tenant's OpenID Connect provider (ADR 0016), authorization code + PKCE. `start` stores state,
 * nonce and the PKCE verifier in Redis and returns the provider URL and a browser-binding value (set as an httpOnly
 * cookie); `callback` takes the flow back exactly once, exchanges the code, verifies the ID token, matches an active
 * user of that tenant by the configured claim (no accounts are created) and ends in `AuthService.signIn(user)`.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly client: OidcClient,
    private readonly settings: SsoSettingsService,
    private readonly auth: AuthService,
  ) {}

  async start(
    tenantReference: string,
    options: { loginHint?: string; locale: WebLocale },
  ): Promise<{ ok: true; url: string; binding: string } | { ok: false; reason: SsoFailureReason }> {
    const { loginHint, locale } = options;
    const tenantId = await this.settings.findTenantId(tenantReference);
    const active = tenantId ? await this.settings.active(tenantId) : null;
    if (!tenantId || !active) return { ok: false, reason: 'not_configured' };
    try {
      const discovery = await this.client.discover(active.issuerUrl);
      const flow: PendingFlow = { bindingHash: '', codeVerifier: randomToken(), locale, nonce: randomToken(), tenantId };
      const binding = randomToken();
      const state = randomToken();
      flow.bindingHash = sha256(binding);
      await this.redis.set(this.key(state), JSON.stringify(flow), 'EX', OIDC_FLOW_TTL_SECONDS);
      const url = this.client.authorizationUrl(discovery, {
        clientId: active.clientId,
        codeVerifier: flow.codeVerifier,
        loginHint: loginHint && /^[^\s@]+@[^\s@]+$/.test(loginHint) && loginHint.length <= 254 ? loginHint : undefined,
        nonce: flow.nonce,
        redirectUri: this.settings.redirectUri(),
        scopes: active.scopes,
        state,
      });
      return { binding, ok: true, url };
    } catch (error) {
      this.logger.warn(`OIDC start failed for tenant ${tenantId}: ${describe(error)}`);
      return { ok: false, reason: 'failed' };
    }
  }

  async callback(query: { state?: string; code?: string; error?: string }, binding: string | undefined): Promise<OidcCallbackResult> {
    const raw = query.state && query.state.length <= 100 ? await this.redis.getdel(this.key(query.state)) : null;
    if (!raw) return { locale: 'nb', ok: false, reason: 'expired' };
    const flow = JSON.parse(raw) as PendingFlow;
    const { locale } = flow;
    if (!binding || !sameHash(sha256(binding), flow.bindingHash)) {
      this.logger.warn(`OIDC callback for tenant ${flow.tenantId} from another browser than the one that started it`);
      return { locale, ok: false, reason: 'failed' };
    }
    if (query.error || !query.code) {
      this.logger.log(`OIDC sign-in for tenant ${flow.tenantId} ended at the provider: ${query.error ?? 'no code'}`);
      return { locale, ok: false, reason: query.error === 'access_denied' ? 'cancelled' : 'failed' };
    }
    const active = await this.settings.active(flow.tenantId);
    if (!active) return { locale, ok: false, reason: 'not_configured' };
    let claims: Record<string, unknown>;
    try {
      const discovery = await this.client.discover(active.issuerUrl);
      claims = await this.client.exchangeCode(discovery, {
        clientId: active.clientId,
        clientSecret: active.clientSecret,
        code: query.code,
        codeVerifier: flow.codeVerifier,
        nonce: flow.nonce,
        redirectUri: this.settings.redirectUri(),
      });
    } catch (error) {
      if (!(error instanceof IdTokenError) && !(error instanceof OidcProviderError)) throw error;
      this.logger.warn(`OIDC sign-in for tenant ${flow.tenantId} refused: ${describe(error)}`);
      return { locale, ok: false, reason: 'failed' };
    }
    const user = await this.matchUser(active.tenantId, active.matchBy, claims[active.matchClaim], claims['email_verified']);
    if (!user) {
      this.logger.warn(
        `OIDC sign-in for tenant ${flow.tenantId}: no active user matches ${active.matchClaim} of subject ${String(claims['sub'])}`,
      );
      return { locale, ok: false, reason: 'unknown_user' };
    }
    const { me, tokens } = await this.auth.signIn(user);
    this.logger.log(`Signed in user ${user.id} of tenant ${user.tenantId} through OpenID Connect (subject ${String(claims['sub'])})`);
    return { locale, me, ok: true, tokens };
  }

  /** One active user of the tenant whose e-mail or employee number is the claim's value; never across tenants. */
  private async matchUser(
    tenantId: string,
    matchBy: 'email' | 'employee_number',
    value: unknown,
    emailVerified: unknown,
  ): Promise<User | null> {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 254) return null;
    if (matchBy === 'email' && emailVerified === false) return null;
    const where =
      matchBy === 'email'
        ? { active: true, email: value.trim().toLowerCase(), tenantId }
        : { active: true, employeeNumber: value.trim(), tenantId };
    const users = await this.dataSource.getRepository(User).find({ take: 2, where });
    return users.length === 1 ? (users[0] ?? null) : null;
  }

  private key(state: string): string {
    return `${this.config.get('REDIS_KEY_PREFIX')}:oidc-flow:${sha256(state)}`;
  }
}

const describe = (error: unknown): string =>
  error instanceof IdTokenError ? `${error.reason}: ${error.message}` : error instanceof Error ? error.message : String(error);
