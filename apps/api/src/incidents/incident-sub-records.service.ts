import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { InjuryRecordDto } from './dto/injury-record.dto';
import type { PersonalDataBreachDto } from './dto/personal-data-breach.dto';

/**
 * The sub-records of a case: the injury record (aml § 5-1) and the personal-data breach record (GDPR art. 33),
 * one row per case each, written at filing (IncidentFilingService) and later (IncidentRecordsService).
 */
@Injectable()
export class IncidentSubRecordsService {
  async insertInjury(manager: EntityManager, tenantId: string, incidentId: string, injury: InjuryRecordDto): Promise<void> {
    await manager.query(
      `INSERT INTO injury_record (incident_id, tenant_id, injured_user_id, injured_person_text, work_being_done, course_of_events, presumed_causes,
         injury_description, absence, absence_days, medical_info_consent, medical_info, occupational_disease)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (incident_id) DO UPDATE SET injured_user_id = EXCLUDED.injured_user_id, injured_person_text = EXCLUDED.injured_person_text,
         work_being_done = EXCLUDED.work_being_done, course_of_events = EXCLUDED.course_of_events, presumed_causes = EXCLUDED.presumed_causes,
         injury_description = EXCLUDED.injury_description, absence = EXCLUDED.absence, absence_days = EXCLUDED.absence_days,
         medical_info_consent = EXCLUDED.medical_info_consent, medical_info = EXCLUDED.medical_info,
         occupational_disease = EXCLUDED.occupational_disease, updated_at = now()`,
      [
        incidentId,
        tenantId,
        injury.injuredUserId ?? null,
        injury.injuredPersonText ?? null,
        injury.workBeingDone,
        injury.courseOfEvents,
        injury.presumedCauses ?? null,
        injury.injuryDescription,
        injury.absence,
        injury.absenceDays ?? null,
        injury.medicalInfoConsent,
        injury.medicalInfoConsent ? (injury.medicalInfo ?? null) : null,
        injury.occupationalDisease,
      ],
    );
  }

  async insertBreach(manager: EntityManager, tenantId: string, incidentId: string, breach: PersonalDataBreachDto): Promise<void> {
    await manager.query(
      `INSERT INTO personal_data_breach (incident_id, tenant_id, discovered_at, cia_types, affected_count, data_categories, special_categories,
         relation_to_subjects, where_data_now, possible_consequences, risk_assessment, late_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (incident_id) DO UPDATE SET discovered_at = EXCLUDED.discovered_at, cia_types = EXCLUDED.cia_types,
         affected_count = EXCLUDED.affected_count, data_categories = EXCLUDED.data_categories, special_categories = EXCLUDED.special_categories,
         relation_to_subjects = EXCLUDED.relation_to_subjects, where_data_now = EXCLUDED.where_data_now,
         possible_consequences = EXCLUDED.possible_consequences, risk_assessment = EXCLUDED.risk_assessment, late_reason = EXCLUDED.late_reason,
         updated_at = now()`,
      [
        incidentId,
        tenantId,
        new Date(breach.discoveredAt),
        breach.ciaTypes,
        breach.affectedCount ?? null,
        breach.dataCategories,
        breach.specialCategories,
        breach.relationToSubjects ?? null,
        breach.whereDataNow ?? null,
        breach.possibleConsequences ?? null,
        breach.riskAssessment,
        breach.lateReason ?? null,
      ],
    );
  }
}
