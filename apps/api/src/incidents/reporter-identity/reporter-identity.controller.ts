import { PERMISSIONS, type RevealReporterResponse } from '@helhet/shared';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../../auth/auth-context';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { RequirePermission } from '../../auth/decorators/require-permission.decorator';
import { ReporterRevealService } from './reporter-reveal.service';
import { RevealReporterDto } from './reveal-reporter.dto';

/** Break-glass reveal of a hidden reporter (the DPO). */
@ApiTags('incidents')
@Controller('incidents')
export class ReporterIdentityController {
  constructor(private readonly reveals: ReporterRevealService) {}

  /**
   * Who filed a report hidden from the handler. `:idOrNumber` is the case id or its number (`2026-000123`).
   * 200 with the reporter; 400 without a reason of at least 10 characters; 403 without incidents.reveal_reporter;
   * 404 for no such case in the municipality; 409 INCIDENT_REPORTER_NOT_HIDDEN for a named or anonymous report.
   */
  @Post(':idOrNumber/reporter-identity')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.incidentsRevealReporter)
  reveal(
    @CurrentUser() auth: AuthContext,
    @Param('idOrNumber') idOrNumber: string,
    @Body() body: RevealReporterDto,
  ): Promise<RevealReporterResponse> {
    return this.reveals.reveal(auth, idOrNumber, body.reason);
  }
}
