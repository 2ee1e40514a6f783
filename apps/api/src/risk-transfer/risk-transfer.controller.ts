import { PERMISSIONS, type RiskImportPreview } from '@helhet/shared';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { ApplyRiskImportDto, RiskExportQueryDto } from './dto/risk-transfer.dto';
import { ScenarioExportService } from './scenario-export.service';
import { ScenarioImportService } from './scenario-import.service';
import { SpreadsheetUploadInterceptor } from './spreadsheet-upload.interceptor';

const uuid = new ParseUUIDPipe({ version: undefined });

/** ASCII fallback and RFC 5987 UTF-8 name, so "ROS-Sårbarhet….xlsx" keeps its letters where browsers support it. */
const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The scenario table of an analysis out (Excel/CSV) and in (upload → preview → apply or cancel). */
@ApiTags('risk')
@Controller('risk/analyses/:id')
@RequirePermission(PERMISSIONS.riskRead)
export class RiskTransferController {
  constructor(
    private readonly exporter: ScenarioExportService,
    private readonly importer: ScenarioImportService,
  ) {}

  @Get('scenarios/export')
  async export(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Query() query: RiskExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(auth, id, query.format ?? 'xlsx');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body, { disposition: attachment(file.fileName), length: file.body.length, type: file.contentType });
  }

  /** multipart/form-data with one .xlsx or .csv (≤ 5 MB) in field `file`; answers with the preview, nothing applied yet. */
  @Post('imports')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(SpreadsheetUploadInterceptor)
  upload(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Req() request: Request): Promise<RiskImportPreview> {
    return this.importer.upload(auth, id, request.file);
  }

  @Get('imports/:importId')
  preview(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('importId', uuid) importId: string,
  ): Promise<RiskImportPreview> {
    return this.importer.preview(auth, id, importId);
  }

  @Post('imports/:importId/apply')
  @HttpCode(200)
  apply(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('importId', uuid) importId: string,
    @Body() body: ApplyRiskImportDto,
  ): Promise<RiskImportPreview> {
    return this.importer.apply(auth, id, importId, body.skipInvalidRows === true);
  }

  @Delete('imports/:importId')
  cancel(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('importId', uuid) importId: string,
  ): Promise<RiskImportPreview> {
    return this.importer.cancel(auth, id, importId);
  }
}
