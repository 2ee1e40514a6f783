import type {
  AffectedPartyType,
  BreachRiskLevel,
  CategoryRestriction,
  CauseCategory,
  CiaType,
  IncidentAction,
  IncidentDeadlinePolicy,
  IncidentKind,
  IncidentStatus,
  MeasureStatus,
  NotificationRecipient,
  ReporterVisibility,
  Severity,
  SeverityPolicy,
} from '@helhet/domain';

import type { PageQuery } from '../page';
import type { UserRef } from './org-units.contract';

/** Upload limits for avvik attachments, enforced by the API and shown by the web. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as readonly string[],
} as const;

/** How far into the future `occurredAt` may lie: the rule lives in libs/domain (incident-limits.ts). */
export { OCCURRED_AT_FUTURE_TOLERANCE_MINUTES } from '@helhet/domain';

export interface IncidentSubcategoryResponse {
  id: string;
  code: string;
  label: string;
  active: boolean;
}

export interface IncidentCategoryResponse {
  id: string;
  code: string;
  label: string;
  restriction: CategoryRestriction;
  hasSeverity: boolean;
  active: boolean;
  sortOrder: number;
  subcategories: IncidentSubcategoryResponse[];
}

export interface UpsertIncidentCategoryRequest {
  code: string;
  label: string;
  restriction: CategoryRestriction;
  hasSeverity: boolean;
  active?: boolean;
  sortOrder?: number;
  /** Sub-categories for a new category; on update, sub-categories are managed one by one. */
  parentId?: string | null;
}

/**
 * Loosening a category's restriction (ADR 0015): it waits for the approver — the DPO for infosec, the HMS advisor for
 * injury/violence — and takes effect only on approval. Tightening (to a restriction from none) applies at once.
 */
export type CategoryRestrictionChangeStatus = 'pending' | 'approved' | 'rejected';
export type RestrictionApproverRole = 'dpo' | 'hms_advisor';

export interface CategoryRestrictionChangeResponse {
  id: string;
  category: { id: string; code: string; label: string };
  fromRestriction: CategoryRestriction;
  toRestriction: CategoryRestriction;
  approverRole: RestrictionApproverRole;
  status: CategoryRestrictionChangeStatus;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** Whether the caller may approve or reject it (the approver role, and not the proposer). */
  canDecide: boolean;
}

export interface IncidentSettingsResponse {
  deadlines: IncidentDeadlinePolicy;
  /** Label, guidance, on/off, who is told at once and same-day acknowledgement per severity level. */
  severities: SeverityPolicy;
}

/** PUT /api/incident-settings. Without `severities` the severity scale stays as it is. */
export interface IncidentSettingsRequest {
  deadlines: IncidentDeadlinePolicy;
  severities?: SeverityPolicy;
}

/**
 * A severity level as the filing form offers it (GET /api/incident-severities, for everyone who may file):
 * all four levels, lowest first; inactive levels are not offered but still name old cases.
 */
export interface IncidentSeverityOption {
  code: Severity;
  label: string;
  description: string;
  active: boolean;
}

export interface FilingUnitResponse {
  id: string;
  name: string;
  /** Name of the parent unit, to tell "Avdeling 1" apart. */
  parentName: string | null;
}

export interface InjuryRecordInput {
  injuredUserId?: string | null;
  /** When the injured person is not a user (e.g. a temp): name/description as free text. */
  injuredPersonText?: string | null;
  workBeingDone: string;
  courseOfEvents: string;
  presumedCauses?: string | null;
  injuryDescription: string;
  absence: boolean;
  absenceDays?: number | null;
  medicalInfoConsent: boolean;
  /** Only accepted with consent (aml § 5-1 (2)). */
  medicalInfo?: string | null;
  occupationalDisease: boolean;
}

export interface InjuryRecordResponse extends Omit<InjuryRecordInput, 'injuredUserId'> {
  injuredUser: UserRef | null;
}

export interface PersonalDataBreachInput {
  discoveredAt: string;
  ciaTypes: CiaType[];
  affectedCount?: number | null;
  dataCategories: string[];
  specialCategories: boolean;
  relationToSubjects?: string | null;
  whereDataNow?: string | null;
  possibleConsequences?: string | null;
  riskAssessment: BreachRiskLevel;
  lateReason?: string | null;
}

export interface PersonalDataBreachResponse extends PersonalDataBreachInput {
  notificationDeadlineAt: string;
  dpaNotificationRequired: boolean;
}

export interface FileIncidentRequest {
  kind: IncidentKind;
  categoryId: string;
  subcategoryId?: string | null;
  orgUnitId: string;
  location?: string | null;
  /** ISO date-time; at most OCCURRED_AT_FUTURE_TOLERANCE_MINUTES ahead of the server clock. */
  occurredAt: string;
  description: string;
  immediateActions?: string | null;
  /** Near misses have no actual severity; improvement suggestions have none at all. */
  severityActual?: Severity | null;
  severityPotential?: Severity | null;
  affectedPartyType: AffectedPartyType;
  reporterVisibility: ReporterVisibility;
  injury?: InjuryRecordInput | null;
  breach?: PersonalDataBreachInput | null;
}

export interface FileIncidentResponse {
  /** Null for an anonymous report: the reporter follows it by receipt code only. */
  id: string | null;
  number: string;
  /** Given once, for anonymous reports; not stored in clear text. */
  receiptCode: string | null;
}

export interface IncidentSummary {
  id: string;
  number: string;
  kind: IncidentKind;
  category: { id: string; code: string; label: string };
  subcategory: { id: string; code: string; label: string } | null;
  orgUnit: { id: string; name: string };
  status: IncidentStatus;
  severityActual: Severity | null;
  severityPotential: Severity | null;
  occurredAt: string;
  reportedAt: string;
  /** The deadline that applies now: acknowledge while registered, else close. Null when closed/rejected. */
  dueAt: string | null;
  overdue: boolean;
  handler: UserRef | null;
  escalationLevel: number;
  /** Injury register or information security: reads are access-logged. */
  restricted: boolean;
}

export type IncidentEventType =
  | 'filed'
  | 'transition'
  | 'comment'
  | 'escalated'
  | 'notified'
  | 'measure'
  | 'external_notification'
  | 'attachment'
  /** Break-glass: the DPO was shown who filed a report hidden from the handler (the note is the reason; never the identity). */
  | 'reporter_revealed';

export interface IncidentEventResponse {
  id: string;
  type: IncidentEventType;
  action: IncidentAction | null;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus | null;
  actor: UserRef | null;
  note: string | null;
  details: Record<string, unknown>;
  at: string;
}

export interface MeasureResponse {
  id: string;
  title: string;
  description: string | null;
  owner: UserRef | null;
  deadline: string | null;
  status: MeasureStatus;
  overdue: boolean;
  completedAt: string | null;
}

export interface MeasureRequest {
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  deadline?: string | null;
  status?: MeasureStatus;
}

export interface ExternalNotificationResponse {
  recipient: NotificationRecipient;
  legalBasis: string;
  deadlineAt: string | null;
  sentAt: string | null;
  reference: string | null;
  sentBy: UserRef | null;
}

export interface RecordExternalNotificationRequest {
  sentAt: string;
  reference?: string | null;
}

export interface AttachmentResponse {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface IncidentResponse extends IncidentSummary {
  location: string | null;
  description: string;
  immediateActions: string | null;
  affectedPartyType: AffectedPartyType;
  reporterVisibility: ReporterVisibility;
  /** Null when the reporter is hidden from the viewer or anonymous. */
  reporter: UserRef | null;
  /** The leader who answers for the case (the handler may be someone they appointed). */
  responsible: UserRef | null;
  acknowledgeDueAt: string;
  closeDueAt: string;
  acknowledgedAt: string | null;
  causeCategory: CauseCategory | null;
  closureSummary: string | null;
  feedbackToReporter: string | null;
  noMeasureReason: string | null;
  closedAt: string | null;
  isReporter: boolean;
  availableActions: IncidentAction[];
  measures: MeasureResponse[];
  events: IncidentEventResponse[];
  attachments: AttachmentResponse[];
  injury: InjuryRecordResponse | null;
  breach: PersonalDataBreachResponse | null;
  externalNotifications: ExternalNotificationResponse[];
}

export interface IncidentTransitionRequest {
  action: IncidentAction;
  /** Required for reject, forward and reopen. */
  note?: string | null;
  /** assign_handler */
  handlerUserId?: string | null;
  /** forward */
  toOrgUnitId?: string | null;
  /** close */
  causeCategory?: CauseCategory | null;
  closureSummary?: string | null;
  feedbackToReporter?: string | null;
  noMeasureReason?: string | null;
}

export interface IncidentCommentRequest {
  note: string;
}

export interface ListIncidentsQuery extends PageQuery {
  /** The unit and its subtree. */
  orgUnitId?: string;
  /** Filing date range, YYYY-MM-DD inclusive. */
  from?: string;
  to?: string;
  kind?: IncidentKind;
  categoryId?: string;
  severity?: Severity;
  status?: IncidentStatus;
  overdue?: boolean;
  /** `handling`: cases I handle or were escalated to me; `reported`: cases I filed (named or hidden). */
  mine?: 'handling' | 'reported';
}

export interface ReceiptLookupRequest {
  code: string;
}

export interface ReceiptResponse {
  number: string;
  status: IncidentStatus;
  reportedAt: string;
  closedAt: string | null;
  feedbackToReporter: string | null;
}

export interface IncidentStatsQuery {
  orgUnitId?: string;
  /** YYYY-MM; the last 12 months by default. */
  fromMonth?: string;
  toMonth?: string;
}

export interface IncidentStatsResponse {
  /** YYYY-MM, oldest first. */
  months: string[];
  rows: { categoryCode: string; label: string; counts: number[]; total: number }[];
  totals: number[];
}

export type InboxNotificationKind =
  | 'incident_assigned'
  | 'incident_filed_high'
  | 'incident_filed_critical'
  | 'incident_escalated'
  | 'incident_forwarded'
  /** A measure's deadline is near (to the person responsible). */
  | 'measure_due_soon'
  /** A measure's deadline has passed (to the person responsible). */
  | 'measure_overdue'
  /** An overdue measure climbed the management line (to the leader above). */
  | 'measure_escalated'
  /** To the reporter of a hidden report: the DPO was shown who they are (the reason is in the case history). */
  | 'reporter_identity_revealed'
  /** To the DPOs and the kommunedirektør: someone was given a role that opens case content (ADR 0015). */
  | 'content_role_granted'
  /** To the approver (DPO or HMS advisor): a category's restriction is to be loosened and waits for them (ADR 0015). */
  | 'category_restriction_pending';

export interface InboxNotificationResponse {
  id: string;
  kind: InboxNotificationKind;
  /** Case number and category only: no free text from the case. */
  title: string;
  /** The avvik it concerns (also for a measure of an avvik). */
  incidentId: string | null;
  /** The ROS analysis it concerns (a measure of a risk scenario not linked to an avvik). */
  riskAnalysisId: string | null;
  /** The user it concerns (content_role_granted): links to their page in user administration. */
  subjectUserId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface DeliveryFailureResponse {
  id: string;
  channel: 'email';
  status: 'failed' | 'uncertain';
  recipient: UserRef;
  notificationKind: InboxNotificationKind;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}
