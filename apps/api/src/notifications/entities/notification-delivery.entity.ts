import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Notification } from './notification.entity';

/**
 * The delivery ledger: one row per notification and channel. `sending` is committed before the mail
 * leaves; a later attempt that finds `sending` cannot know whether the mail went out and marks it
 * `uncertain` for an administrator instead of sending twice.
 */
@Entity()
@Index('UQ_notification_delivery_channel', ['notificationId', 'channel'], { unique: true })
@Index('IDX_notification_delivery_tenant_status', ['tenantId', 'status'])
@Check('CHK_notification_delivery_channel', `"channel" IN ('email')`)
@Check('CHK_notification_delivery_status', `"status" IN ('pending', 'sending', 'sent', 'failed', 'uncertain')`)
export class NotificationDelivery extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification>;

  @Column({ type: 'varchar', length: 10, default: 'email' })
  channel!: 'email';

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
