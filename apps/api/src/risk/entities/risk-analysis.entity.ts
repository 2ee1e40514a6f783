import type { RiskAnalysisStatus, RiskAnalysisType } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';
import { ScaleSet } from './scale-set.entity';

/** A ROS or HMS risk assessment (domain.md §2, §7.1 RiskAnalysis), scoped to a unit and pinned to a scale version. */
@Entity()
@Index('IDX_risk_analysis_tenant_unit', ['tenantId', 'scopeOrgUnitId'])
@Index('IDX_risk_analysis_previous_version', ['previousVersionId'])
@Check(
  'CHK_risk_analysis_type',
  `"type" IN ('holistic_ros', 'hms_ros', 'service_ros', 'infosec_ros', 'fire_ros', 'land_use_ros', 'project_ros')`,
)
@Check('CHK_risk_analysis_status', `"status" IN ('planned', 'in_progress', 'in_review', 'approved', 'superseded')`)
export class RiskAnalysis extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  type!: RiskAnalysisType;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  mandate!: string | null;

  @Column({ type: 'uuid' })
  scopeOrgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_org_unit_id' })
  scopeOrgUnit?: Relation<OrgUnit>;

  @Column({ type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: RiskAnalysisStatus;

  @Column({ type: 'uuid' })
  scaleSetId!: string;

  @ManyToOne(() => ScaleSet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scale_set_id' })
  scaleSet?: Relation<ScaleSet>;

  @Column({ type: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** Helhetlig ROS: the council's decision (date and case number). */
  @Column({ type: 'date', nullable: true })
  councilDecisionDate!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  councilCaseNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  nextRevisionAt!: string | null;

  /** The version this one revises; it becomes `superseded` when this one is approved. */
  @Column({ type: 'uuid', nullable: true })
  previousVersionId!: string | null;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'previous_version_id' })
  previousVersion?: Relation<RiskAnalysis>;
}
