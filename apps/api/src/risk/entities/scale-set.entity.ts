import type { ScaleSet as ScaleSetDefinition, ScaleSetKind } from '@helhet/domain';
import { Column, Entity, Index } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';

/** One immutable version of a tenant's scale set (domain.md §2.3–2.5); analyses are pinned to a version. */
@Entity()
@Index('UQ_scale_set_tenant_code_version', ['tenantId', 'code', 'version'], { unique: true })
export class ScaleSet extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: ScaleSetKind;

  /** The whole scale as libs/domain's `ScaleSet` (validated with `validateScaleSet` before it is stored). */
  @Column({ type: 'jsonb' })
  definition!: ScaleSetDefinition;
}
