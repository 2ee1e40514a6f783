import { type IncidentCategoryResponse, type IncidentSettingsResponse, type IncidentSeverityOption, PERMISSIONS } from '@helhet/shared';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { IncidentSettingsDto } from './dto/incident-settings.dto';
import { UpsertIncidentCategoryDto } from './dto/upsert-incident-category.dto';
import { IncidentCategoriesService } from './incident-categories.service';
import { IncidentsQuery } from './incidents.query';

const uuid = new ParseUUIDPipe({ version: undefined });

/**
 * Tenant configuration of avvik categories, deadlines and severity levels (administrators and quality
 * coordinators). Reading the severity levels is open to everyone who may file: the filing form needs them.
 */
@ApiTags('incident configuration')
@Controller()
@RequirePermission(PERMISSIONS.incidentsConfigure)
export class IncidentCategoriesController {
  constructor(
    private readonly service: IncidentCategoriesService,
    private readonly query: IncidentsQuery,
  ) {}

  @Get('incident-categories')
  list(@CurrentUser() auth: AuthContext): Promise<IncidentCategoryResponse[]> {
    return this.query.categories(auth, { includeInactive: true });
  }

  @Post('incident-categories')
  create(@CurrentUser() auth: AuthContext, @Body() body: UpsertIncidentCategoryDto): Promise<IncidentCategoryResponse[]> {
    return this.service.create(auth, body);
  }

  @Patch('incident-categories/:id')
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: UpsertIncidentCategoryDto,
  ): Promise<IncidentCategoryResponse[]> {
    return this.service.update(auth, id, body);
  }

  @Get('incident-settings')
  settings(@CurrentUser() auth: AuthContext): Promise<IncidentSettingsResponse> {
    return this.service.getSettings(auth);
  }

  @Get('incident-severities')
  @RequirePermission(PERMISSIONS.incidentsFile)
  severities(@CurrentUser() auth: AuthContext): Promise<IncidentSeverityOption[]> {
    return this.service.severityOptions(auth);
  }

  @Put('incident-settings')
  saveSettings(@CurrentUser() auth: AuthContext, @Body() body: IncidentSettingsDto): Promise<IncidentSettingsResponse> {
    return this.service.saveSettings(auth, body);
  }
}
