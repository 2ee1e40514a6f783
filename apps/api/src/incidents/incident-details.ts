import type {
  AttachmentResponse,
  ExternalNotificationResponse,
  IncidentEventResponse,
  InjuryRecordResponse,
  MeasureResponse,
  PersonalDataBreachResponse,
} from '@helhet/shared';
import type { EntityManager } from 'typeorm';

import type { Attachment } from '../attachments/attachment.entity';
import type { EntityRow, LeftJoined, Prefixed } from '../core/database/entity-row';
import type { Measure } from '../measures/entities/measure.entity';
import type { User } from '../users/entities/user.entity';
import type { ExternalNotification } from './entities/external-notification.entity';
import type { IncidentEvent } from './entities/incident-event.entity';
import type { InjuryRecord } from './entities/injury-record.entity';
import type { PersonalDataBreach } from './entities/personal-data-breach.entity';

/**
 * The parts of one avvik's detail view besides the case row (IncidentsQuery.get): history, measures, attachments,
 * sub-records and the legal notification checklist. The caller has checked access; the names of the users involved
 * come from a join (one query per part), typed from the entities (ADR 0014).
 */

type UserJoin<P extends string> = Prefixed<P, LeftJoined<EntityRow<User, 'id' | 'name'>>>;

type EventRow = EntityRow<IncidentEvent, 'action' | 'createdAt' | 'details' | 'fromStatus' | 'id' | 'note' | 'toStatus' | 'type'> &
  UserJoin<'actor'>;

/** The case history; people and details only for staff, and for others only what concerns the reporter. */
export const incidentEvents = async (manager: EntityManager, incidentId: string, staff: boolean): Promise<IncidentEventResponse[]> => {
  const rows = (await manager.query(
    `SELECT e.id, e.type, e.action, e.from_status, e.to_status, e.note, e.details, e.created_at, a.id AS actor_id, a.name AS actor_name
       FROM incident_event e LEFT JOIN app_user a ON a.id = e.actor_user_id
      WHERE e.incident_id = $1 ${staff ? '' : `AND e.type IN ('filed', 'transition', 'reporter_revealed')`} ORDER BY e.created_at, e.id`,
    [incidentId],
  )) as EventRow[];
  return rows.map((row) => ({
    action: row.action,
    actor: staff && row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    at: row.created_at.toISOString(),
    details: staff ? row.details : {},
    fromStatus: row.from_status,
    id: row.id,
    // The reason of a break-glass reveal is for the reporter too (transparency); other notes are the handlers'.
    note: staff || row.type === 'reporter_revealed' ? row.note : null,
    toStatus: row.to_status,
    type: row.type,
  }));
};

/** `deadline` is selected as text (a `date` column comes back from `pg` as a Date otherwise). */
type MeasureRow = EntityRow<Measure, 'completedAt' | 'deadline' | 'description' | 'id' | 'status' | 'title'> & UserJoin<'owner'>;

export const incidentMeasures = async (manager: EntityManager, incidentId: string): Promise<MeasureResponse[]> => {
  const rows = (await manager.query(
    `SELECT m.id, m.title, m.description, m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.completed_at, o.id AS owner_id, o.name AS owner_name
       FROM measure_link l JOIN measure m ON m.id = l.measure_id LEFT JOIN app_user o ON o.id = m.owner_user_id
      WHERE l.incident_id = $1 ORDER BY m.created_at, m.id`,
    [incidentId],
  )) as MeasureRow[];
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((row) => ({
    completedAt: row.completed_at?.toISOString() ?? null,
    deadline: row.deadline,
    description: row.description,
    id: row.id,
    overdue: row.deadline !== null && row.deadline < today && !['done', 'cancelled'].includes(row.status),
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    status: row.status,
    title: row.title,
  }));
};

type AttachmentRow = EntityRow<Attachment, 'contentType' | 'createdAt' | 'fileName' | 'id' | 'sha256' | 'sizeBytes'>;

export const incidentAttachments = async (manager: EntityManager, incidentId: string): Promise<AttachmentResponse[]> => {
  const rows = (await manager.query(
    `SELECT id, file_name, content_type, size_bytes, sha256, created_at FROM attachment WHERE incident_id = $1 ORDER BY created_at, id`,
    [incidentId],
  )) as AttachmentRow[];
  return rows.map((row) => ({
    contentType: row.content_type,
    fileName: row.file_name,
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    uploadedAt: row.created_at.toISOString(),
  }));
};

type InjuryRow = EntityRow<
  InjuryRecord,
  | 'absence'
  | 'absenceDays'
  | 'courseOfEvents'
  | 'injuredPersonText'
  | 'injuredUserId'
  | 'injuryDescription'
  | 'medicalInfo'
  | 'medicalInfoConsent'
  | 'occupationalDisease'
  | 'presumedCauses'
  | 'workBeingDone'
> & { injured_name: User['name'] | null };

export const incidentInjury = async (manager: EntityManager, incidentId: string): Promise<InjuryRecordResponse | null> => {
  const [row] = (await manager.query(
    `SELECT r.*, u.name AS injured_name FROM injury_record r LEFT JOIN app_user u ON u.id = r.injured_user_id WHERE r.incident_id = $1`,
    [incidentId],
  )) as InjuryRow[];
  if (!row) return null;
  return {
    absence: row.absence,
    absenceDays: row.absence_days,
    courseOfEvents: row.course_of_events,
    injuredPersonText: row.injured_person_text,
    injuredUser: row.injured_user_id ? { id: row.injured_user_id, name: row.injured_name ?? '' } : null,
    injuryDescription: row.injury_description,
    medicalInfo: row.medical_info_consent ? row.medical_info : null,
    medicalInfoConsent: row.medical_info_consent,
    occupationalDisease: row.occupational_disease,
    presumedCauses: row.presumed_causes,
    workBeingDone: row.work_being_done,
  };
};

type BreachRow = EntityRow<
  PersonalDataBreach,
  | 'affectedCount'
  | 'ciaTypes'
  | 'dataCategories'
  | 'discoveredAt'
  | 'lateReason'
  | 'possibleConsequences'
  | 'relationToSubjects'
  | 'riskAssessment'
  | 'specialCategories'
  | 'whereDataNow'
>;

export const incidentBreach = async (manager: EntityManager, incidentId: string): Promise<PersonalDataBreachResponse | null> => {
  const [row] = (await manager.query(`SELECT * FROM personal_data_breach WHERE incident_id = $1`, [incidentId])) as BreachRow[];
  if (!row) return null;
  const discoveredAt = row.discovered_at;
  return {
    affectedCount: row.affected_count,
    ciaTypes: row.cia_types,
    dataCategories: row.data_categories,
    discoveredAt: discoveredAt.toISOString(),
    dpaNotificationRequired: row.risk_assessment !== 'unlikely',
    lateReason: row.late_reason,
    notificationDeadlineAt: new Date(discoveredAt.getTime() + 72 * 3_600_000).toISOString(),
    possibleConsequences: row.possible_consequences,
    relationToSubjects: row.relation_to_subjects,
    riskAssessment: row.risk_assessment,
    specialCategories: row.special_categories,
    whereDataNow: row.where_data_now,
  };
};

type ExternalNotificationRow = EntityRow<ExternalNotification, 'deadlineAt' | 'legalBasis' | 'recipient' | 'reference' | 'sentAt'> &
  UserJoin<'sent_by'>;

export const incidentExternalNotifications = async (
  manager: EntityManager,
  incidentId: string,
): Promise<ExternalNotificationResponse[]> => {
  const rows = (await manager.query(
    `SELECT n.recipient, n.legal_basis, n.deadline_at, n.sent_at, n.reference, s.id AS sent_by_id, s.name AS sent_by_name
       FROM external_notification n LEFT JOIN app_user s ON s.id = n.sent_by_user_id WHERE n.incident_id = $1 ORDER BY n.deadline_at NULLS LAST, n.recipient`,
    [incidentId],
  )) as ExternalNotificationRow[];
  return rows.map((row) => ({
    deadlineAt: row.deadline_at?.toISOString() ?? null,
    legalBasis: row.legal_basis,
    recipient: row.recipient,
    reference: row.reference,
    sentAt: row.sent_at?.toISOString() ?? null,
    sentBy: row.sent_by_id ? { id: row.sent_by_id, name: row.sent_by_name ?? '' } : null,
  }));
};
