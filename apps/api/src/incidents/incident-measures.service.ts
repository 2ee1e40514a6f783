import type { IncidentResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import type { MeasureDto } from '../measures/dto/measure.dto';
import type { UpdateMeasureDto } from '../measures/dto/update-measure.dto';
import type { MeasureDeadlinePlan } from '../measures/measure-deadlines.service';
import type { MeasureSource } from '../measures/measure-source';
import { MeasuresService } from '../measures/measures.service';
import { IncidentChangeService } from './incident-change.service';
import type { LockedIncident } from './locked-incident.types';

const source = (incidentId: string): MeasureSource => ({ id: incidentId, kind: 'incident' });

/**
 * The measures of a case: created and changed through MeasuresService (the owner of `measure`), inside the
 * case's change frame so the case is locked, the caller's right checked and the history written.
 */
@Injectable()
export class IncidentMeasuresService {
  constructor(
    private readonly changes: IncidentChangeService,
    private readonly measures: MeasuresService,
  ) {}

  async add(auth: AuthContext, id: string, dto: MeasureDto): Promise<IncidentResponse> {
    return this.withCase(auth, id, async (manager, incident) => {
      const measure = await this.measures.create(
        manager,
        auth,
        source(id),
        { ...dto, orgUnitId: incident.org_unit_id },
        { context: { incidentId: id } },
      );
      await this.changes.event(manager, incident, auth.userId, { details: { measureId: measure.id, title: dto.title }, type: 'measure' });
      return measure.deadlines;
    });
  }

  async update(auth: AuthContext, id: string, measureId: string, dto: UpdateMeasureDto): Promise<IncidentResponse> {
    return this.withCase(auth, id, async (manager, incident) => {
      const { after, before, deadlines } = await this.measures.update(manager, auth, source(id), measureId, dto);
      if (after.status !== before.status) {
        await this.changes.event(manager, incident, auth.userId, {
          details: { from: before.status, measureId, title: after.title, to: after.status },
          type: 'measure',
        });
      }
      return deadlines;
    });
  }

  /** Runs `body` in the case's change frame (the case's version stays), then the measure's deadline work after the commit. */
  private async withCase(
    auth: AuthContext,
    id: string,
    body: (manager: EntityManager, incident: LockedIncident) => Promise<MeasureDeadlinePlan | null>,
  ): Promise<IncidentResponse> {
    let deadlines: MeasureDeadlinePlan | null = null;
    const response = await this.changes.record(auth, id, 'handle', async (manager, incident) => {
      deadlines = await body(manager, incident);
    });
    await this.measures.afterCommit(deadlines);
    return response;
  }
}
