import {
  type AnalysisLinksResponse,
  type IncidentRiskLinkResponse,
  type LinkableScenario,
  PERMISSIONS,
  type ScenarioLinksResponse,
} from '@helhet/shared';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { LinkIncidentDto } from './dto/link-incident.dto';
import { LinkableScenariosQueryDto } from './dto/linkable-scenarios.query.dto';
import { RiskMeasureDto } from './dto/risk-measure.dto';
import { RiskLinksQuery } from './risk-links.query';
import { RiskLinksService } from './risk-links.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** ROS ↔ measures and avvik as evidence, from the risk side. Reads follow riskAccess; writes need edit rights on the analysis. */
@ApiTags('risk')
@Controller('risk')
@RequirePermission(PERMISSIONS.riskRead)
export class RiskLinksController {
  constructor(
    private readonly query: RiskLinksQuery,
    private readonly service: RiskLinksService,
  ) {}

  /** Per scenario: its measures and the evidence avvik the caller may read (number, date, category, severity, status). */
  @Get('analyses/:id/links')
  links(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<AnalysisLinksResponse> {
    return this.query.analysisLinks(auth, id);
  }

  /** Scenarios the caller may link an avvik to (the avvik-side picker). */
  @Get('linkable-scenarios')
  linkable(@CurrentUser() auth: AuthContext, @Query() query: LinkableScenariosQueryDto): Promise<LinkableScenario[]> {
    return this.query.linkableScenarios(auth, query.q || undefined);
  }

  @Get('analyses/:id/scenarios/:scenarioId/measures')
  measures(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('scenarioId', uuid) scenarioId: string,
  ): Promise<ScenarioLinksResponse> {
    return this.service.scenarioLinks(auth, id, scenarioId);
  }

  @Post('analyses/:id/scenarios/:scenarioId/measures')
  createMeasure(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('scenarioId', uuid) scenarioId: string,
    @Body() body: RiskMeasureDto,
  ): Promise<ScenarioLinksResponse> {
    return this.service.createMeasure(auth, id, scenarioId, body);
  }

  @Post('analyses/:id/scenarios/:scenarioId/measures/:measureId/link')
  linkMeasure(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('scenarioId', uuid) scenarioId: string,
    @Param('measureId', uuid) measureId: string,
  ): Promise<ScenarioLinksResponse> {
    return this.service.linkMeasure(auth, id, scenarioId, measureId);
  }

  @Delete('analyses/:id/scenarios/:scenarioId/measures/:measureId/link')
  unlinkMeasure(
    @CurrentUser() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('scenarioId', uuid) scenarioId: string,
    @Param('measureId', uuid) measureId: string,
  ): Promise<ScenarioLinksResponse> {
    return this.service.unlinkMeasure(auth, id, scenarioId, measureId);
  }

  /** "This avvik concerns risk X": edit rights on the analysis AND read access to the avvik. */
  @Post('scenarios/:scenarioId/incidents')
  linkIncident(
    @CurrentUser() auth: AuthContext,
    @Param('scenarioId', uuid) scenarioId: string,
    @Body() body: LinkIncidentDto,
  ): Promise<ScenarioLinksResponse> {
    return this.service.linkIncident(auth, scenarioId, body);
  }

  @Delete('scenarios/:scenarioId/incidents/:incidentId')
  unlinkIncident(
    @CurrentUser() auth: AuthContext,
    @Param('scenarioId', uuid) scenarioId: string,
    @Param('incidentId', uuid) incidentId: string,
  ): Promise<ScenarioLinksResponse> {
    return this.service.unlinkIncident(auth, scenarioId, incidentId);
  }
}

/** The avvik side: which risks an avvik is evidence of. Visible only where the caller reads both the avvik and the analysis. */
@ApiTags('incidents')
@Controller('incidents')
@RequirePermission(PERMISSIONS.incidentsFile)
export class IncidentRiskLinksController {
  constructor(private readonly query: RiskLinksQuery) {}

  @Get(':id/risks')
  risks(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<IncidentRiskLinkResponse[]> {
    return this.query.incidentRisks(auth, id);
  }
}
