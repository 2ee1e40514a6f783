import { AUTH_COOKIES } from '@helhet/shared';
import type { CookieOptions, Response } from 'express';

import type { IssuedTokens } from './tokens.service';

/** httpOnly access and refresh cookies (refresh only sent to /api/auth), plus the readable CSRF cookie. */
export const setAuthCookies = (response: Response, tokens: IssuedTokens, secure: boolean): void => {
  const base: CookieOptions = { sameSite: 'strict', secure };
  response.cookie(AUTH_COOKIES.accessToken, tokens.accessToken, {
    ...base,
    expires: tokens.accessTokenExpiresAt,
    httpOnly: true,
    path: '/api',
  });
  response.cookie(AUTH_COOKIES.refreshToken, tokens.refreshToken, {
    ...base,
    expires: tokens.refreshTokenExpiresAt,
    httpOnly: true,
    path: '/api/auth',
  });
  response.cookie(AUTH_COOKIES.csrf, tokens.csrfToken, { ...base, expires: tokens.refreshTokenExpiresAt, httpOnly: false, path: '/' });
};

export const clearAuthCookies = (response: Response, secure: boolean): void => {
  const base: CookieOptions = { sameSite: 'strict', secure };
  response.clearCookie(AUTH_COOKIES.accessToken, { ...base, httpOnly: true, path: '/api' });
  response.clearCookie(AUTH_COOKIES.refreshToken, { ...base, httpOnly: true, path: '/api/auth' });
  response.clearCookie(AUTH_COOKIES.csrf, { ...base, path: '/' });
};
