import type { AffectedPartyType, CauseCategory, IncidentKind, IncidentStatus, ReporterVisibility, Severity } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';
import { User } from '../../users/entities/user.entity';
import { IncidentCategory } from './incident-category.entity';

const SEVERITY_CHECK = `IN ('low', 'medium', 'high', 'critical')`;

/**
 * An avvik (domain.md §3, §7.1 Incident). Who reported it depends on `reporterVisibility`: named → `reporterUserId`;
 * hidden from the handler → only the sealed id and its lookup pseudonym (reporter-identity/); anonymous → nothing.
 */
@Entity()
@Index('UQ_incident_tenant_number', ['tenantId', 'number'], { unique: true })
@Index('UQ_incident_receipt_code_hash', ['receiptCodeHash'], { unique: true })
@Index('IDX_incident_tenant_unit', ['tenantId', 'orgUnitId'])
@Index('IDX_incident_tenant_reported', ['tenantId', 'reportedAt'])
@Index('IDX_incident_tenant_reporter', ['tenantId', 'reporterUserId'])
@Index('IDX_incident_tenant_reporter_lookup', ['tenantId', 'reporterLookup'])
@Index('IDX_incident_tenant_handler', ['tenantId', 'handlerUserId'])
@Check('CHK_incident_kind', `"kind" IN ('deviation', 'adverse_event', 'near_miss', 'improvement')`)
@Check('CHK_incident_status', `"status" IN ('registered', 'in_progress', 'measures', 'closed', 'rejected')`)
@Check('CHK_incident_severity_actual', `"severity_actual" ${SEVERITY_CHECK}`)
@Check('CHK_incident_severity_potential', `"severity_potential" ${SEVERITY_CHECK}`)
@Check(
  'CHK_incident_affected_party',
  `"affected_party_type" IN ('employee', 'user_patient', 'pupil_child', 'relative', 'third_party', 'none')`,
)
@Check('CHK_incident_reporter_visibility', `"reporter_visibility" IN ('named', 'hidden_from_handler', 'anonymous')`)
@Check('CHK_incident_reporter_named', `("reporter_visibility" = 'named') = ("reporter_user_id" IS NOT NULL)`)
@Check(
  'CHK_incident_reporter_hidden',
  `("reporter_visibility" = 'hidden_from_handler') = ("reporter_lookup" IS NOT NULL AND "reporter_identity_ciphertext" IS NOT NULL)
   AND ("reporter_lookup" IS NULL) = ("reporter_identity_ciphertext" IS NULL)`,
)
@Check(
  'CHK_incident_anonymous_has_no_reporter',
  `"reporter_visibility" <> 'anonymous' OR ("reporter_user_id" IS NULL AND "reporter_lookup" IS NULL AND "reporter_identity_ciphertext" IS NULL)`,
)
@Check(
  'CHK_incident_cause',
  `"cause_category" IN ('human', 'technical', 'organisational', 'routine_missing', 'routine_not_followed', 'external')`,
)
export class Incident extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: IncidentKind;

  @Column({ type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => IncidentCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<IncidentCategory>;

  @Column({ type: 'uuid', nullable: true })
  subcategoryId!: string | null;

  @ManyToOne(() => IncidentCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subcategory_id' })
  subcategory?: Relation<IncidentCategory>;

  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  immediateActions!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  severityActual!: Severity | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  severityPotential!: Severity | null;

  @Column({ type: 'varchar', length: 20 })
  affectedPartyType!: AffectedPartyType;

  @Column({ type: 'uuid', nullable: true })
  reporterUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reporter_user_id' })
  reporter?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  reporterVisibility!: ReporterVisibility;

  /** Hidden from the handler: the reporter's user id, AES-256-GCM under REPORTER_IDENTITY_KEY (opened only by break-glass and to reach the reporter). */
  @Column({ type: 'bytea', nullable: true })
  reporterIdentityCiphertext!: Buffer | null;

  /** Hidden from the handler: HMAC of tenant and reporter, so the reporter finds their own report without the row naming them. */
  @Column({ type: 'bytea', nullable: true })
  reporterLookup!: Buffer | null;

  /** SHA-256 of the receipt code an anonymous reporter follows the case with. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  receiptCodeHash!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'registered' })
  status!: IncidentStatus;

  /** The leader who answers for the case: resolved from the unit's management line. */
  @Column({ type: 'uuid', nullable: true })
  responsibleUserId!: string | null;

  /** Who works the case: the responsible leader, or someone they appointed. */
  @Column({ type: 'uuid', nullable: true })
  handlerUserId!: string | null;

  @Column({ type: 'timestamptz' })
  acknowledgeDueAt!: Date;

  @Column({ type: 'timestamptz' })
  closeDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** How many levels up the line the case has climbed. */
  @Column({ type: 'integer', default: 0 })
  escalationLevel!: number;

  /** Leaders the case was escalated to: co-handlers until it closes. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  escalatedToUserIds!: string[];

  /** Bumped by every change that moves the case on; a scheduled escalation for an older version is stale. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  causeCategory!: CauseCategory | null;

  @Column({ type: 'text', nullable: true })
  closureSummary!: string | null;

  @Column({ type: 'text', nullable: true })
  feedbackToReporter!: string | null;

  @Column({ type: 'text', nullable: true })
  noMeasureReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedByUserId!: string | null;

  /** Set by the worker once the filing notifications and the first escalation are scheduled. */
  @Column({ type: 'timestamptz', nullable: true })
  filingProcessedAt!: Date | null;
}
