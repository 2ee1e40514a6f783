import type { WorkshopRole } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { User } from '../../users/entities/user.entity';
import { Workshop } from './workshop.entity';

/** Someone in a workshop: a signed-in user or a guest (no session). Only the SHA-256 of the socket token is stored. */
@Entity()
@Index('IDX_workshop_participant_workshop', ['workshopId', 'createdAt'])
@Index('UQ_workshop_participant_token', ['tokenHash'], { unique: true })
@Index('UQ_workshop_participant_user', ['workshopId', 'userId'], { unique: true, where: `"user_id" IS NOT NULL` })
@Check('CHK_workshop_participant_role', `"role" IN ('facilitator', 'participant')`)
@Check('CHK_workshop_participant_connections', `"connections" >= 0`)
export class WorkshopParticipant extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  workshopId!: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Relation<Workshop>;

  /** Null for guests. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'participant' })
  role!: WorkshopRole;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Open sockets of this participant over all API instances (connected = more than 0). */
  @Column({ type: 'integer', default: 0 })
  connections!: number;
}
