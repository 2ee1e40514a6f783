import type { Locale } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';

/** A person who signs in. Table `app_user` because `user` is reserved in PostgreSQL. */
@Entity({ name: 'app_user' })
@Index('UQ_app_user_tenant_email', ['tenantId', 'email'], { unique: true })
@Index('IDX_app_user_tenant_primary_unit', ['tenantId', 'primaryOrgUnitId'])
@Check('CHK_app_user_locale', `"locale" IN ('nb', 'nn', 'en')`)
@Check('CHK_app_user_email_lowercase', `"email" = lower("email")`)
export class User extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** argon2id hash; null until the user accepts an invitation (or signs in through an external provider). */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  employeeNumber!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  primaryOrgUnitId!: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'primary_org_unit_id' })
  primaryOrgUnit?: Relation<OrgUnit> | null;

  @Column({ type: 'varchar', length: 2, default: 'nb' })
  locale!: Locale;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
