import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

import type { FileIncidentResponse } from '@helhet/shared';
import type { EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { DomainException, invalidField } from '../core/http/domain.exception';

/** `Idempotency-Key`: what a client may send (a uuid, or another opaque token of 8–128 safe characters). */
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The header value, checked; undefined when absent. A malformed key is a 400 naming the header. */
export const idempotencyKeyOf = (header: string | string[] | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !KEY_PATTERN.test(value)) {
    throw invalidField('Idempotency-Key', 'must be 8–128 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-"');
  }
  return value;
};

/** JSON with object keys sorted, so the same payload always hashes the same. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

const derive = (purpose: string, auth: AuthContext, key: string): Buffer =>
  createHash('sha256').update(`helhet:${purpose}\0${auth.tenantId}\0${auth.userId}\0${key}`).digest();

/**
 * The Idempotency-Key of one filing request. Nothing stored names the user: the row is found by a hash of tenant,
 * user and key; the payload is compared through an HMAC keyed by the Idempotency-Key; the first answer (which for
 * an anonymous report holds the receipt code) is encrypted with a key derived from it. Without the key — which
 * only the reporter's browser has — a row cannot be tied to a person.
 */
export class FilingIdempotency {
  private readonly keyHash: string;
  private readonly requestHash: string;
  private readonly responseKey: Buffer;
  private claimId: string | null = null;

  constructor(
    private readonly auth: AuthContext,
    key: string,
    payload: unknown,
    fileHashes: readonly string[],
  ) {
    this.keyHash = derive('idempotency-key', auth, key).toString('hex');
    this.requestHash = createHmac('sha256', derive('idempotency-request', auth, key))
      .update(canonical({ files: fileHashes, payload }))
      .digest('hex');
    this.responseKey = derive('idempotency-response', auth, key);
  }

  /**
   * First thing in the filing transaction. Returns the earlier answer when this key was used before with the
   * same payload (the caller writes nothing), null when this request owns the key now; throws 422
   * IDEMPOTENCY_KEY_REUSED for a different payload. A concurrent request with the same key waits on the unique
   * index until the first commits (then it replays) or rolls back (then it owns the key).
   */
  async claim(manager: EntityManager): Promise<FileIncidentResponse | null> {
    const inserted = (await manager.query(
      `INSERT INTO incident_filing_request (tenant_id, key_hash, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, key_hash) DO NOTHING RETURNING id`,
      [this.auth.tenantId, this.keyHash, this.requestHash],
    )) as { id: string }[];
    if (inserted[0]) {
      this.claimId = inserted[0].id;
      return null;
    }
    const [earlier] = (await manager.query(
      `SELECT request_hash, response FROM incident_filing_request WHERE tenant_id = $1 AND key_hash = $2`,
      [this.auth.tenantId, this.keyHash],
    )) as { request_hash: string; response: string | null }[];
    if (!earlier || earlier.request_hash !== this.requestHash || earlier.response === null) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different avvik');
    }
    return this.decrypt(earlier.response);
  }

  /** Last thing in the filing transaction: the answer a retry with the same key gets. */
  async complete(manager: EntityManager, response: FileIncidentResponse): Promise<void> {
    if (!this.claimId) return;
    await manager.query(`UPDATE incident_filing_request SET response = $2, updated_at = now() WHERE id = $1`, [
      this.claimId,
      this.encrypt(response),
    ]);
  }

  private encrypt(response: FileIncidentResponse): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.responseKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private decrypt(stored: string): FileIncidentResponse {
    const bytes = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.responseKey, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as FileIncidentResponse;
  }
}
