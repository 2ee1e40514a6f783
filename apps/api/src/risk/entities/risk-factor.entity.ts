import type { RiskFactorGroup } from '@helhet/domain';
import { Check, Column, Entity, Index } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';

/** A work-environment factor of the tenant's catalogue (domain.md §2.9, §7.1 RiskFactor), seeded from libs/domain. */
@Entity()
@Index('UQ_risk_factor_tenant_code', ['tenantId', 'code'], { unique: true })
@Check(
  'CHK_risk_factor_group',
  `"group" IN ('org_psychosocial', 'violence_threats', 'ergonomic', 'physical', 'chemical', 'biological', 'accident')`,
)
export class RiskFactor extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 30 })
  group!: RiskFactorGroup;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  labelNb!: string;

  @Column({ type: 'varchar', length: 200 })
  labelEn!: string;

  /** Service types (org unit `serviceType`) where the factor is typical; templates use it. */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  serviceTypes!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}
