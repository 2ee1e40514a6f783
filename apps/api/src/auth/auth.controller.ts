import { AUTH_COOKIES, type MeResponse } from '@helhet/shared';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { AppConfig } from '../core/config/app-config.service';
import { AuthService } from './auth.service';
import type { AuthContext } from './auth-context';
import { clearAuthCookies, setAuthCookies } from './auth-cookies';
import { CurrentUser } from './decorators/current-user.decorator';
import { Public } from './decorators/public.decorator';
import { SkipCsrf } from './decorators/skip-csrf.decorator';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @SkipCsrf()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeResponse> {
    const { me, tokens } = await this.auth.loginWithPassword(body.email, body.password, request.ip ?? 'unknown');
    setAuthCookies(response, tokens, this.config.get('COOKIE_SECURE'));
    return me;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeResponse> {
    const { me, tokens } = await this.auth.refresh(request.cookies?.[AUTH_COOKIES.refreshToken] as string | undefined);
    setAuthCookies(response, tokens, this.config.get('COOKIE_SECURE'));
    return me;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.cookies?.[AUTH_COOKIES.refreshToken] as string | undefined);
    clearAuthCookies(response, this.config.get('COOKIE_SECURE'));
  }

  @Get('me')
  me(@CurrentUser() auth: AuthContext): Promise<MeResponse> {
    return this.auth.me(auth.userId, auth.tenantId, new Date(Date.now() + this.config.get('ACCESS_TOKEN_TTL_SECONDS') * 1000));
  }

  @Public()
  @SkipCsrf()
  @Post('accept-invitation')
  @HttpCode(204)
  async acceptInvitation(@Body() body: AcceptInvitationDto): Promise<void> {
    await this.auth.acceptInvitation(body.token, body.password);
  }
}
