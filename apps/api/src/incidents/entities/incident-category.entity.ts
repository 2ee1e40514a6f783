import type { CategoryRestriction } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';

/** A tenant's avvik category, or a sub-category when `parentId` is set (domain.md §3.2). */
@Entity()
@Index('UQ_incident_category_tenant_code', ['tenantId', 'code'], { unique: true })
@Index('IDX_incident_category_tenant_parent', ['tenantId', 'parentId'])
@Check('CHK_incident_category_restriction', `"restriction" IN ('none', 'injury', 'infosec')`)
@Check('CHK_incident_category_code', `"code" ~ '^[a-z][a-z0-9_]{1,59}$'`)
export class IncidentCategory extends TenantScopedEntity {
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => IncidentCategory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<IncidentCategory>;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'varchar', length: 10, default: 'none' })
  restriction!: CategoryRestriction;

  @Column({ type: 'boolean', default: true })
  hasSeverity!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}
