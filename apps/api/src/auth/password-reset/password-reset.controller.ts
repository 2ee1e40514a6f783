import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { Public } from '../decorators/public.decorator';
import { SkipCsrf } from '../decorators/skip-csrf.decorator';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './password-reset.dto';
import { PasswordResetService } from './password-reset.service';

/** "Forgot password". Public and CSRF-exempt like sign-in: the body carries the credential, not a cookie. */
@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Always 202 with no body, whether or not the address has an account. */
  @Public()
  @SkipCsrf()
  @Post()
  @HttpCode(202)
  async request(@Body() body: PasswordResetRequestDto, @Req() request: Request): Promise<void> {
    await this.resets.request(body.email, request.ip ?? 'unknown');
  }

  @Public()
  @SkipCsrf()
  @Post('confirm')
  @HttpCode(204)
  async confirm(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.resets.confirm(body.token, body.password);
  }
}
