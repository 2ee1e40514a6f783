import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AccessPurpose = 'read' | 'list' | 'download' | 'export' | 'reveal' | 'propose' | 'approve' | 'reject';

/**
 * Who read a restricted record, when (GDPR art. 9 data: injury register, breach records, restricted
 * avvik categories). Append-only like the audit log; written in the request that reads.
 * `purpose`: `read` one record in detail, `list` it appeared in a list page, `export` in a CSV export,
 * `download` an attachment, `reveal` break-glass disclosure of a hidden reporter (with `reason`); `propose`, `approve`
 * and `reject` a change that would widen who reads a restricted category (ADR 0015; the entity is the change).
 */
@Entity()
@Index('IDX_access_log_entry_tenant_entity', ['tenantId', 'entityType', 'entityId'])
@Index('IDX_access_log_entry_tenant_actor', ['tenantId', 'actorUserId', 'occurredAt'])
@Check('CHK_access_log_entry_purpose', `"purpose" IN ('read', 'list', 'download', 'export', 'reveal', 'propose', 'approve', 'reject')`)
export class AccessLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid' })
  actorUserId!: string;

  @Column({ type: 'varchar', length: 10 })
  purpose!: AccessPurpose;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** Why, where the reader had to give a reason (break-glass). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
