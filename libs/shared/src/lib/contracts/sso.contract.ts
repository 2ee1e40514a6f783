/** Single sign-on with the municipality's OpenID Connect provider (ADR 0016). */
export type SsoProvider = 'microsoft' | 'generic';
export type SsoMatchBy = 'email' | 'employee_number';

/** A tenant's SSO configuration as the tenant admin sees it (`GET/PUT /api/sso-settings`). The secret is never returned. */
export interface SsoSettingsResponse {
  enabled: boolean;
  provider: SsoProvider;
  issuerUrl: string;
  clientId: string;
  clientSecretSet: boolean;
  scopes: string;
  matchBy: SsoMatchBy;
  matchClaim: string;
  emailDomains: string[];
  localPasswordsDisabled: boolean;
  /** The redirect URI to register at the provider. */
  redirectUri: string;
}

/** `PUT /api/sso-settings`. Omit `clientSecret` to keep the stored one. */
export interface SsoSettingsRequest {
  enabled: boolean;
  provider: SsoProvider;
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  matchBy: SsoMatchBy;
  matchClaim: string;
  emailDomains: string[];
  localPasswordsDisabled: boolean;
}

/** One sign-in button on the login page (`GET /api/auth/oidc/options?domain=`). */
export interface SsoOption {
  tenantName: string;
  municipalityNumber: string;
  provider: SsoProvider;
  /** Where the button goes (a browser navigation, not an XHR). */
  startUrl: string;
  /** True when the tenant's users cannot sign in with a password. */
  localPasswordsDisabled: boolean;
}

/** The `?sso=` reason the callback puts on the login page URL when single sign-on failed. */
export const SSO_FAILURE_REASONS = ['cancelled', 'expired', 'failed', 'not_configured', 'unknown_user'] as const;
export type SsoFailureReason = (typeof SSO_FAILURE_REASONS)[number];
