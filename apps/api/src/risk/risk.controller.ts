import {
  type Page,
  PERMISSIONS,
  type RiskAnalysisResponse,
  type RiskAnalysisSummary,
  type RiskAnalysisTemplate,
  type RiskFactorResponse,
  type RiskHeatMapResponse,
  type RiskRegisterItem,
  type ScaleSetResponse,
} from '@helhet/shared';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import {
  CreateRiskAnalysisDto,
  HmsRiskItemDto,
  ListRiskAnalysesQueryDto,
  RiskRegisterQueryDto,
  RiskScenarioDto,
  UpdateRiskAnalysisDto,
} from './dto/risk.dto';
import { RiskQuery } from './risk.query';
import { RiskAnalysesService } from './risk-analyses.service';
import { RiskHmsItemsService } from './risk-hms-items.service';
import { RiskScenariosService } from './risk-scenarios.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** ROS and HMS risk assessments. Rows are filtered by riskAccess; writes check edit rights per analysis. */
@ApiTags('risk')
@Controller('risk')
@RequirePermission(PERMISSIONS.riskRead)
export class RiskController {
  constructor(
    private readonly query: RiskQuery,
    private readonly service: RiskAnalysesService,
    private readonly scenarios: RiskScenariosService,
    private readonly hmsItems: RiskHmsItemsService,
  ) {}

  @Get('scale-sets')
  scaleSets(@CurrentUser() auth: AuthContext): Promise<ScaleSetResponse[]> {
    return this.query.scaleSets(auth);
  }

  /** The work-environment factor catalogue (domain.md §2.9). */
  @Get('factors')
  factors(@CurrentUser() auth: AuthContext): Promise<RiskFactorResponse[]> {
    return this.query.factors(auth);
  }

  /** Starting points for POST analyses (`templateCode`). */
  @Get('templates')
  templates(): RiskAnalysisTemplate[] {
    return this.query.templates();
  }

  @Get('analyses')
  list(@CurrentUser() auth: AuthContext, @Query() query: ListRiskAnalysesQueryDto): Promise<Page<RiskAnalysisSummary>> {
    return this.query.list(auth, query);
  }

  @Post('analyses')
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateRiskAnalysisDto): Promise<RiskAnalysisResponse> {
    return this.service.create(auth, body);
  }

  @Get('analyses/:id')
  get(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<RiskAnalysisResponse> {
    return this.query.get(auth, id);
  }

  @Patch('analyses/:id')
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: UpdateRiskAnalysisDto,
  ): Promise<RiskAnalysisResponse> {
    return this.service.update(auth, id, body);
  }

  @Post('analyses/:id/scenarios')
  addScenario(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: RiskScenarioDto,
  ): Promise<RiskAnalysisResponse> {
    return this.scenarios.addScenario(auth, id, body);
  }

  @Patch('analyses/:id/scenarios/:scenarioId')
  updateScenario(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('scenarioId', uuid) scenarioId: string,
    @Body() body: RiskScenarioDto,
  ): Promise<RiskAnalysisResponse> {
    return this.scenarios.updateScenario(auth, id, scenarioId, body);
  }

  @Post('analyses/:id/hms-items')
  addHmsItem(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: HmsRiskItemDto): Promise<RiskAnalysisResponse> {
    return this.hmsItems.addHmsItem(auth, id, body);
  }

  @Patch('analyses/:id/hms-items/:itemId')
  updateHmsItem(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() body: HmsRiskItemDto,
  ): Promise<RiskAnalysisResponse> {
    return this.hmsItems.updateHmsItem(auth, id, itemId, body);
  }

  @Delete('analyses/:id/hms-items/:itemId')
  deleteHmsItem(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
  ): Promise<RiskAnalysisResponse> {
    return this.hmsItems.deleteHmsItem(auth, id, itemId);
  }

  @Get('register')
  register(@CurrentUser() auth: AuthContext, @Query() query: RiskRegisterQueryDto): Promise<Page<RiskRegisterItem>> {
    return this.query.register(auth, query);
  }

  @Get('register/heat-map')
  heatMap(@CurrentUser() auth: AuthContext, @Query() query: RiskRegisterQueryDto): Promise<RiskHeatMapResponse> {
    return this.query.heatMap(auth, query);
  }
}
