import type { DelegationResponse, ManagementLineEntryResponse, OrgUnitResponse, OrgUnitSummary, Page } from '@helhet/shared';
import { PERMISSIONS } from '@helhet/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { CreateDelegationDto } from './dto/delegation.dto';
import { CreateOrgUnitDto, ListOrgUnitsQueryDto, MoveOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { OrgUnitsQuery } from './org-units.query';
import { OrgUnitsService } from './org-units.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('organisation')
@Controller()
export class OrgUnitsController {
  constructor(
    private readonly query: OrgUnitsQuery,
    private readonly service: OrgUnitsService,
  ) {}

  @Get('org-units')
  @RequirePermission(PERMISSIONS.organisationRead)
  list(@CurrentUser() auth: AuthContext, @Query() query: ListOrgUnitsQueryDto): Promise<Page<OrgUnitSummary>> {
    return this.query.list(auth, query);
  }

  @Get('org-units/:id')
  @RequirePermission(PERMISSIONS.organisationRead)
  get(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<OrgUnitResponse> {
    return this.query.get(auth, id);
  }

  @Get('org-units/:id/management-line')
  @RequirePermission(PERMISSIONS.organisationRead)
  managementLine(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<ManagementLineEntryResponse[]> {
    return this.query.managementLine(auth, id);
  }

  @Get('org-units/:id/delegations')
  @RequirePermission(PERMISSIONS.organisationRead)
  delegations(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<DelegationResponse[]> {
    return this.query.delegations(auth, id);
  }

  @Post('org-units')
  @RequirePermission(PERMISSIONS.organisationManage)
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateOrgUnitDto): Promise<OrgUnitResponse> {
    return this.service.create(auth, body);
  }

  @Patch('org-units/:id')
  @RequirePermission(PERMISSIONS.organisationManage)
  update(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateOrgUnitDto): Promise<OrgUnitResponse> {
    return this.service.update(auth, id, body);
  }

  @Post('org-units/:id/move')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.organisationManage)
  move(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: MoveOrgUnitDto): Promise<OrgUnitResponse> {
    return this.service.move(auth, id, body.parentId);
  }

  @Post('org-units/:id/deactivate')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.organisationManage)
  deactivate(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<OrgUnitResponse> {
    return this.service.deactivate(auth, id);
  }

  @Post('delegations')
  @RequirePermission(PERMISSIONS.organisationManage)
  async createDelegation(@CurrentUser() auth: AuthContext, @Body() body: CreateDelegationDto): Promise<DelegationResponse[]> {
    await this.service.createDelegation(auth, body);
    return this.query.delegations(auth, body.orgUnitId);
  }

  @Delete('delegations/:id')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.organisationManage)
  deleteDelegation(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.service.deleteDelegation(auth, id);
  }
}
