import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A "forgot password" request of a local account. The row is the outbox of the e-mail: the worker mints the token
 * (only its SHA-256 is stored), sends the link and stamps `sent_at`. Single-use (`used_at`), valid 30 minutes.
 */
@Entity()
@Index('UQ_password_reset_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_password_reset_token_tenant_user', ['tenantId', 'userId'])
export class PasswordResetToken extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
