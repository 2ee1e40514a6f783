import { NOTIFICATION_RECIPIENTS, type NotificationRecipient } from '@helhet/domain';
import {
  type FileIncidentResponse,
  type FilingUnitResponse,
  type IncidentCategoryResponse,
  type IncidentResponse,
  type IncidentStatsResponse,
  type IncidentSummary,
  type Page,
  PERMISSIONS,
  type ReceiptResponse,
} from '@helhet/shared';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { invalidField } from '../core/http/domain.exception';
import { validationException } from '../core/http/validation-errors.util';
import { MeasureDto } from '../measures/dto/measure.dto';
import { UpdateMeasureDto } from '../measures/dto/update-measure.dto';
import { FileIncidentDto } from './dto/file-incident.dto';
import { IncidentCommentDto } from './dto/incident-comment.dto';
import { IncidentStatsQueryDto } from './dto/incident-stats.query.dto';
import { IncidentTransitionDto } from './dto/incident-transition.dto';
import { InjuryRecordDto } from './dto/injury-record.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents.query.dto';
import { PersonalDataBreachDto } from './dto/personal-data-breach.dto';
import { ReceiptLookupDto } from './dto/receipt-lookup.dto';
import { RecordExternalNotificationDto } from './dto/record-external-notification.dto';
import { IncidentAttachmentsService } from './incident-attachments.service';
import { IncidentFilingService } from './incident-filing.service';
import { idempotencyKeyOf } from './incident-filing-idempotency';
import { IncidentMeasuresService } from './incident-measures.service';
import { IncidentRecordsService } from './incident-records.service';
import { IncidentStatsQuery } from './incident-stats.query';
import { IncidentTransitionsService } from './incident-transitions.service';
import { IncidentsQuery } from './incidents.query';
import { MultipartInterceptor, uploadedFiles } from './multipart.interceptor';

const uuid = new ParseUUIDPipe({ version: undefined });

/**
 * Avvik. Everyone may file (incidents.file); what a caller sees and may do is decided per row by
 * incidentAccess — outside it a case does not exist (404).
 */
@ApiTags('incidents')
@Controller('incidents')
@RequirePermission(PERMISSIONS.incidentsFile)
export class IncidentsController {
  constructor(
    private readonly query: IncidentsQuery,
    private readonly filing: IncidentFilingService,
    private readonly transitions: IncidentTransitionsService,
    private readonly measures: IncidentMeasuresService,
    private readonly records: IncidentRecordsService,
    private readonly attachments: IncidentAttachmentsService,
    private readonly statsQuery: IncidentStatsQuery,
  ) {}

  @Get('categories')
  categories(@CurrentUser() auth: AuthContext): Promise<IncidentCategoryResponse[]> {
    return this.query.categories(auth);
  }

  @Get('filing-units')
  filingUnits(@CurrentUser() auth: AuthContext, @Query('q') q?: string): Promise<FilingUnitResponse[]> {
    return this.query.filingUnits(auth, q);
  }

  /**
   * JSON, or multipart/form-data with the JSON in field `payload` and up to five `files`: all stored, or none.
   * An `Idempotency-Key` header (one per form, kept across retries) makes a resubmit answer the first filing.
   */
  @Post()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiHeader({
    description: 'One key per form (e.g. a uuid); the same key again returns the first answer',
    name: 'Idempotency-Key',
    required: false,
  })
  @UseInterceptors(MultipartInterceptor)
  async file(@CurrentUser() auth: AuthContext, @Req() request: Request): Promise<FileIncidentResponse> {
    const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
    const dto = await this.parseFiling(request);
    return this.filing.file(auth, dto, uploadedFiles(request), idempotencyKey);
  }

  @Get()
  list(@CurrentUser() auth: AuthContext, @Query() query: ListIncidentsQueryDto): Promise<Page<IncidentSummary>> {
    return this.query.list(auth, query);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="avvik.csv"')
  @Header('Cache-Control', 'no-store')
  exportCsv(@CurrentUser() auth: AuthContext, @Query() query: ListIncidentsQueryDto): Promise<string> {
    return this.query.exportCsv(auth, query);
  }

  @Get('stats')
  stats(@CurrentUser() auth: AuthContext, @Query() query: IncidentStatsQueryDto): Promise<IncidentStatsResponse> {
    return this.statsQuery.stats(auth, query);
  }

  /** POST, so the code (a bearer secret for the case's status) never appears in URLs or access logs. */
  @Post('receipt')
  @HttpCode(200)
  receipt(@CurrentUser() auth: AuthContext, @Body() body: ReceiptLookupDto): Promise<ReceiptResponse> {
    return this.query.receipt(auth, body.code);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<IncidentResponse> {
    return this.query.get(auth, id);
  }

  @Post(':id/transitions')
  transition(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: IncidentTransitionDto,
  ): Promise<IncidentResponse> {
    return this.transitions.transition(auth, id, body);
  }

  @Post(':id/comments')
  comment(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: IncidentCommentDto): Promise<IncidentResponse> {
    return this.records.comment(auth, id, body);
  }

  @Post(':id/measures')
  addMeasure(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: MeasureDto): Promise<IncidentResponse> {
    return this.measures.add(auth, id, body);
  }

  @Patch(':id/measures/:measureId')
  updateMeasure(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('measureId', uuid) measureId: string,
    @Body() body: UpdateMeasureDto,
  ): Promise<IncidentResponse> {
    return this.measures.update(auth, id, measureId, body);
  }

  @Put(':id/injury')
  saveInjury(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: InjuryRecordDto): Promise<IncidentResponse> {
    return this.records.saveInjury(auth, id, body);
  }

  @Put(':id/breach')
  saveBreach(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: PersonalDataBreachDto,
  ): Promise<IncidentResponse> {
    return this.records.saveBreach(auth, id, body);
  }

  @Put(':id/external-notifications/:recipient')
  recordExternalNotification(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('recipient') recipient: string,
    @Body() body: RecordExternalNotificationDto,
  ): Promise<IncidentResponse> {
    if (!(NOTIFICATION_RECIPIENTS as readonly string[]).includes(recipient)) throw invalidField('recipient', 'unknown recipient');
    return this.records.recordExternalNotification(auth, id, recipient as NotificationRecipient, body);
  }

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor)
  addAttachments(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Req() request: Request): Promise<IncidentResponse> {
    return this.attachments.add(auth, id, uploadedFiles(request));
  }

  @Get(':id/attachments/:attachmentId')
  async attachment(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.open(auth, id, attachmentId);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(file.stream, {
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      length: file.sizeBytes,
      type: file.contentType,
    });
  }

  /** The filing body from JSON or from the multipart `payload` field, validated like any body. */
  private async parseFiling(request: Request): Promise<FileIncidentDto> {
    let raw: unknown = request.body;
    if (request.is('multipart/form-data')) {
      const payload = (request.body as Record<string, unknown>)['payload'];
      try {
        raw = typeof payload === 'string' ? JSON.parse(payload) : undefined;
      } catch {
        throw invalidField('payload', 'must be JSON');
      }
      if (typeof raw !== 'object' || raw === null) throw invalidField('payload', 'is required');
    }
    const dto = plainToInstance(FileIncidentDto, raw ?? {});
    const errors = await validate(dto, { forbidNonWhitelisted: true, whitelist: true });
    if (errors.length > 0) throw validationException(errors);
    return dto;
  }
}
