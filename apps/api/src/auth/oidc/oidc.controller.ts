import { PERMISSIONS, type SsoFailureReason, type SsoOption, type SsoSettingsResponse } from '@helhet/shared';
import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';

import { AppConfig } from '../../core/config/app-config.service';
import type { AuthContext } from '../auth-context';
import { setAuthCookies } from '../auth-cookies';
import { CurrentUser } from '../decorators/current-user.decorator';
import { Public } from '../decorators/public.decorator';
import { RequirePermission } from '../decorators/require-permission.decorator';
import { OIDC_FLOW_TTL_SECONDS, OidcSignInService, type WebLocale, webLocale } from './oidc-sign-in.service';
import { SsoSettingsDto } from './sso-settings.dto';
import { SsoSettingsService } from './sso-settings.service';

/** httpOnly cookie that binds a started sign-in to the browser (SameSite=Lax: the provider's redirect is cross-site). */
export const OIDC_BINDING_COOKIE = 'hh_oidc';
const BINDING_PATH = '/api/auth/oidc';

const loginPageWith = (locale: WebLocale, reason: SsoFailureReason): string => `/${locale}/login?sso=${reason}`;

/** Single sign-on with the tenant's OpenID Connect provider (ADR 0016), and its configuration by the tenant admin. */
@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly signIn: OidcSignInService,
    private readonly settings: SsoSettingsService,
    private readonly config: AppConfig,
  ) {}

  /** The SSO buttons the login page shows for an e-mail domain (`?domain=kommune.no`; a whole address works too). */
  @Public()
  @Get('auth/oidc/options')
  options(@Query('domain') domain?: unknown): Promise<SsoOption[]> {
    return typeof domain === 'string' && domain.length <= 254 ? this.settings.optionsFor(domain) : Promise.resolve([]);
  }

  /** A browser navigation: redirects to the provider, or back to the login page naming why not. */
  @Public()
  @Get('auth/oidc/:tenant/start')
  async start(
    @Param('tenant') tenant: string,
    @Query('login_hint') loginHint: unknown,
    @Query('locale') locale: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.signIn.start(tenant, {
      locale: webLocale(locale),
      loginHint: typeof loginHint === 'string' ? loginHint : undefined,
    });
    if (!result.ok) return response.redirect(302, loginPageWith(webLocale(locale), result.reason));
    response.cookie(OIDC_BINDING_COOKIE, result.binding, { ...this.bindingCookie(), maxAge: OIDC_FLOW_TTL_SECONDS * 1000 });
    response.redirect(302, result.url);
  }

  /** Where the provider sends the browser back: sets the usual session cookies and opens the web app. */
  @Public()
  @Get('auth/oidc/callback')
  async callback(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const result = await this.signIn.callback(
      { code: text(query['code']), error: text(query['error']), state: text(query['state']) },
      text(request.cookies?.[OIDC_BINDING_COOKIE]),
    );
    response.clearCookie(OIDC_BINDING_COOKIE, this.bindingCookie());
    if (!result.ok) return response.redirect(302, loginPageWith(result.locale, result.reason));
    setAuthCookies(response, result.tokens, this.config.get('COOKIE_SECURE'));
    response.redirect(302, `/${result.locale}/`);
  }

  @Get('sso-settings')
  @RequirePermission(PERMISSIONS.usersManage)
  getSettings(@CurrentUser() auth: AuthContext): Promise<SsoSettingsResponse> {
    return this.settings.get(auth);
  }

  @Put('sso-settings')
  @RequirePermission(PERMISSIONS.usersManage)
  saveSettings(@CurrentUser() auth: AuthContext, @Body() body: SsoSettingsDto): Promise<SsoSettingsResponse> {
    return this.settings.save(auth, body);
  }

  private bindingCookie(): CookieOptions {
    return { httpOnly: true, path: BINDING_PATH, sameSite: 'lax', secure: this.config.get('COOKIE_SECURE') };
  }
}
