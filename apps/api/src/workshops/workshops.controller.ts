import { AUTH_COOKIES, CSRF_HEADER, PERMISSIONS, type WorkshopDetail, type WorkshopSummary, type WorkshopTicket } from '@helhet/shared';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { AccessTokenVerifier } from '../auth/access-token-verifier';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../auth/decorators/public.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { SkipCsrf } from '../auth/decorators/skip-csrf.decorator';
import { bearerToken } from '../auth/guards/jwt-auth.guard';
import { TokensService } from '../auth/tokens.service';
import { CreateWorkshopDto, JoinWorkshopDto, ListWorkshopsQueryDto } from './workshops.dto';
import { WorkshopsService } from './workshops.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Live ROS workshops: create/join over REST, the live part over the socket.io namespace. */
@ApiTags('workshops')
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly service: WorkshopsService,
    private readonly verifier: AccessTokenVerifier,
    private readonly tokens: TokensService,
  ) {}

  @Post()
  @RequirePermission(PERMISSIONS.riskRead)
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateWorkshopDto): Promise<WorkshopTicket> {
    return this.service.create(auth, body);
  }

  /** Public: guests join by code and name; a valid session cookie joins as that user. Rate-limited per IP. */
  @Public()
  @SkipCsrf()
  @Post('join')
  @HttpCode(200)
  async join(@Req() request: Request, @Body() body: JoinWorkshopDto): Promise<WorkshopTicket> {
    return this.service.join(await this.optionalAuth(request), body, request.ip ?? 'unknown');
  }

  @Post(':id/facilitator-ticket')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.riskRead)
  facilitatorTicket(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<WorkshopTicket> {
    return this.service.facilitatorTicket(auth, id);
  }

  @Get()
  @RequirePermission(PERMISSIONS.riskRead)
  list(@CurrentUser() auth: AuthContext, @Query() query: ListWorkshopsQueryDto): Promise<WorkshopSummary[]> {
    return this.service.list(auth, query.analysisId);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.riskRead)
  detail(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<WorkshopDetail> {
    return this.service.detail(auth, id);
  }

  private async optionalAuth(request: Request): Promise<AuthContext | undefined> {
    // CSRF is skipped so guests (no cookies) can join; a session cookie then counts only with its session's CSRF token.
    const bearer = bearerToken(request.header('authorization'));
    const token = bearer ?? (request.cookies?.[AUTH_COOKIES.accessToken] as string | undefined);
    if (!token) return undefined;
    try {
      const auth = await this.verifier.verify(token);
      const csrf = request.header(CSRF_HEADER);
      if (!bearer && !(csrf && this.tokens.csrfTokenMatches(auth.sessionId, csrf))) return undefined;
      return auth;
    } catch {
      return undefined;
    }
  }
}
