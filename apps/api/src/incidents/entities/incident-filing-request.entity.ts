import { Column, Entity, Index } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';

/**
 * An `Idempotency-Key` of `POST /api/incidents`, written in the filing transaction: the same key again returns
 * the first answer instead of filing a second case. Stores no trace of who filed (anonymous reports stay
 * anonymous): `keyHash` is the SHA-256 of user, tenant and key, the answer is encrypted with a key derived from
 * the Idempotency-Key itself, and `requestHash` is a keyed hash of the payload. Purged after a day.
 */
@Entity()
@Index('UQ_incident_filing_request_key', ['tenantId', 'keyHash'], { unique: true })
export class IncidentFilingRequest extends TenantScopedEntity {
  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** The first answer (AES-256-GCM, base64); null until the filing transaction wrote it. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;
}
