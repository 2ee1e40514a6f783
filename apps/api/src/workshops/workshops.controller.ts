import { AUTH_COOKIES, CSRF_HEADER, PERMISSIONS, type WorkshopDetail, type WorkshopSummary, type WorkshopTicket } from '@helhet/shared';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../auth/decorators/public.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { SkipCsrf } from '../auth/decorators/skip-csrf.decorator';
import { GrantsService } from '../auth/grants.service';
import { bearerToken } from '../auth/guards/jwt-auth.guard';
import type { AccessTokenPayload } from '../auth/tokens.service';
import { CreateWorkshopDto, JoinWorkshopDto, ListWorkshopsQueryDto } from './workshops.dto';
import { WorkshopsService } from './workshops.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Live ROS workshops: create/join over REST, the live part over the socket.io namespace. */
@ApiTags('workshops')
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly service: WorkshopsService,
    private readonly jwt: JwtService,
    private readonly grants: GrantsService,
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
    // CSRF is skipped so guests (no cookies) can join; a session cookie then counts only with the double-submit header.
    const csrf = request.cookies?.[AUTH_COOKIES.csrf] as string | undefined;
    const cookieAuth = csrf !== undefined && csrf === request.header(CSRF_HEADER);
    const token =
      bearerToken(request.header('authorization')) ??
      (cookieAuth ? (request.cookies?.[AUTH_COOKIES.accessToken] as string | undefined) : undefined);
    if (!token) return undefined;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      return (await this.grants.contextFor(payload.sub, payload.tid)) ?? undefined;
    } catch {
      return undefined;
    }
  }
}
