import type { AuditAction, AuditChange } from '@helhet/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail (kommuneloven §25-1 d, GDPR art. 5(2)). A trigger created in the migration
 * refuses UPDATE and DELETE. Rows are written by AuditLogService in the same transaction as the change.
 */
@Entity()
@Index('IDX_audit_log_entry_tenant_occurred', ['tenantId', 'occurredAt'])
@Index('IDX_audit_log_entry_tenant_entity', ['tenantId', 'entityType', 'entityId'])
@Index('IDX_audit_log_entry_tenant_actor', ['tenantId', 'actorUserId'])
@Check('CHK_audit_log_entry_action', `"action" IN ('create', 'update', 'delete')`)
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for system actions (seed, worker). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: AuditChange[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
