import type { Locale } from '../enums';
import type { Permission } from '../permissions';
import type { Role } from '../roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AcceptInvitationRequest {
  token: string;
  password: string;
}

/** `POST /api/auth/password-reset`: always answered 202, whether or not the address has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** `POST /api/auth/password-reset/confirm`: the token from the e-mailed link and the new password. */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface RoleAssignmentResponse {
  id: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  includeDescendants: boolean;
  validFrom: string;
  validTo: string | null;
}

/** The signed-in user, as `GET /api/auth/me` and `POST /api/auth/login` return it. */
export interface MeResponse {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  tenant: { id: string; name: string; municipalityNumber: string };
  primaryOrgUnitId: string | null;
  roles: RoleAssignmentResponse[];
  /** Union of the permissions of all roles, whatever their scope. The API still checks the scope. */
  permissions: Permission[];
  /** When the access token expires (ISO); the web refreshes shortly before. */
  accessTokenExpiresAt: string;
}

/** Cookie and header names shared by API and web. */
export const AUTH_COOKIES = {
  accessToken: 'hh_at',
  csrf: 'XSRF-TOKEN',
  refreshToken: 'hh_rt',
} as const;
export const CSRF_HEADER = 'X-XSRF-TOKEN';
