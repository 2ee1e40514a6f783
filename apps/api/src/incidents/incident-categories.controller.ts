import {
  type CategoryRestrictionChangeResponse,
  type CategoryRestrictionChangeStatus,
  type IncidentCategoryResponse,
  type IncidentSettingsResponse,
  type IncidentSeverityOption,
  PERMISSIONS,
} from '@helhet/shared';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { invalidField } from '../core/http/domain.exception';
import { IncidentSettingsDto } from './dto/incident-settings.dto';
import { UpsertIncidentCategoryDto } from './dto/upsert-incident-category.dto';
import { CategoryRestrictionChanges } from './incident-categories.restrictions';
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
    private readonly restrictionChanges: CategoryRestrictionChanges,
  ) {}

  @Get('incident-categories')
  list(@CurrentUser() auth: AuthContext): Promise<IncidentCategoryResponse[]> {
    return this.query.categories(auth, { includeInactive: true });
  }

  @Post('incident-categories')
  create(@CurrentUser() auth: AuthContext, @Body() body: UpsertIncidentCategoryDto): Promise<IncidentCategoryResponse[]> {
    return this.service.create(auth, body);
  }

  /**
   * 200 with the categories when everything applied; 202 with the pending change when the restriction was loosened
   * (ADR 0015): the other fields are saved, the restriction waits for the approver.
   */
  @Patch('incident-categories/:id')
  async update(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: UpsertIncidentCategoryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentCategoryResponse[] | CategoryRestrictionChangeResponse> {
    const { categories, pendingChangeId } = await this.service.update(auth, id, body);
    if (!pendingChangeId) return categories;
    response.status(202);
    return this.restrictionChanges.one(auth, pendingChangeId);
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

/**
 * Pending restriction changes of avvik categories (ADR 0015). Configurers follow their proposals; the approver (DPO
 * for infosec, HMS advisor for injury/violence) approves or rejects. The service checks who may do what.
 */
@ApiTags('incident configuration')
@Controller('incident-category-restriction-changes')
export class CategoryRestrictionChangesController {
  constructor(private readonly changes: CategoryRestrictionChanges) {}

  @Get()
  list(
    @CurrentUser() auth: AuthContext,
    @Query('status') status?: CategoryRestrictionChangeStatus,
  ): Promise<CategoryRestrictionChangeResponse[]> {
    if (status !== undefined && !['pending', 'approved', 'rejected'].includes(status))
      throw invalidField('status', 'status must be pending, approved or rejected');
    return this.changes.list(auth, status);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<CategoryRestrictionChangeResponse> {
    return this.changes.approve(auth, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<CategoryRestrictionChangeResponse> {
    return this.changes.reject(auth, id);
  }
}
