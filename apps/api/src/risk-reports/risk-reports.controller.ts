import { PERMISSIONS, type RiskReportLatestResponse, type RiskReportResponse } from '@helhet/shared';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { RiskReportsService } from './risk-reports.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** ASCII fallback and RFC 5987 UTF-8 name, so "ROS-rapport Sårbarhet….pdf" keeps its letters where browsers support it. */
const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** PDF reports of risk analyses, built by the worker with progress. Access follows riskAccess of the analysis. */
@ApiTags('risk')
@Controller('risk')
@RequirePermission(PERMISSIONS.riskRead)
export class RiskReportsController {
  constructor(private readonly reports: RiskReportsService) {}

  /** Starts a report (202), or answers with the one already queued or running for this analysis. */
  @Post('analyses/:id/reports')
  @HttpCode(202)
  request(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<RiskReportResponse> {
    return this.reports.request(auth, id);
  }

  @Get('analyses/:id/reports/latest')
  latest(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<RiskReportLatestResponse> {
    return this.reports.latest(auth, id);
  }

  @Get('reports/:id')
  status(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<RiskReportResponse> {
    return this.reports.status(auth, id);
  }

  @Get('reports/:id/file')
  async file(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.file(auth, id);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body, {
      disposition: attachment(file.fileName),
      length: file.body.length,
      type: 'application/pdf',
    });
  }
}
