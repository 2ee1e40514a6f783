import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read a restricted record, when (GDPR art. 9 data: injury register, breach records, restricted
 * avvik categories). Append-only like the audit log; written in the request that reads.
 */
@Entity()
@Index('IDX_access_log_entry_tenant_entity', ['tenantId', 'entityType', 'entityId'])
@Index('IDX_access_log_entry_tenant_actor', ['tenantId', 'actorUserId', 'occurredAt'])
@Check('CHK_access_log_entry_purpose', `"purpose" IN ('read', 'download', 'export')`)
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
  purpose!: 'read' | 'download' | 'export';

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
