import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

import { isReporterIdentityKey, REPORTER_IDENTITY_KEY_BYTES, REPORTER_IDENTITY_KEY_MESSAGE } from '../../core/crypto/reporter-identity-key';

/**
 * Encryption at rest of the reporter of an avvik filed *hidden from the handler* (domain.md §3.5).
 *
 * One configured secret (REPORTER_IDENTITY_KEY, 32 random bytes) yields two subkeys by HKDF-SHA256:
 * - `encryption`: AES-256-GCM of the reporter's user id, random 96-bit IV, 128-bit tag, bound to the case by
 *   its associated data (tenant and case id), so a sealed identity cannot be copied onto another case;
 * - `lookup`: HMAC-SHA256 of tenant and user id, a pseudonym that lets the reporter find their own reports
 *   ("my reports", access to the case) without the database holding who they are.
 *
 * Sealed format (bytea): version (1 byte) ‖ IV (12) ‖ tag (16) ‖ ciphertext. Pure functions, no I/O; identities
 * sealed before are opened with them, so change the format only with a new version.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = Buffer.from('helhet/reporter-identity', 'utf8');

export interface ReporterIdentityKeys {
  encryption: Buffer;
  lookup: Buffer;
}

/** Which case a sealed identity belongs to (the AES-GCM associated data). */
export interface SealedCase {
  tenantId: string;
  incidentId: string;
}

/** The two subkeys of the configured secret. Throws when the secret is not a proper key. */
export const deriveReporterIdentityKeys = (secret: string): ReporterIdentityKeys => {
  if (!isReporterIdentityKey(secret)) throw new Error(REPORTER_IDENTITY_KEY_MESSAGE);
  const master = Buffer.from(secret, 'base64');
  const subkey = (info: string) => Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, REPORTER_IDENTITY_KEY_BYTES));
  return { encryption: subkey('incident reporter identity: aes-256-gcm v1'), lookup: subkey('incident reporter identity: hmac lookup v1') };
};

const associatedData = (target: SealedCase): Buffer =>
  Buffer.from(`helhet:incident-reporter:v${VERSION}:${target.tenantId}:${target.incidentId}`, 'utf8');

/** Encrypts the reporter's user id for one case. */
export const sealReporterId = (keys: ReporterIdentityKeys, target: SealedCase, userId: string): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(target));
  const ciphertext = Buffer.concat([cipher.update(userId.toLowerCase(), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext]);
};

/** The reporter's user id. Throws when the value was not sealed with this key for this case. */
export const openReporterId = (keys: ReporterIdentityKeys, target: SealedCase, sealed: Buffer): string => {
  if (sealed.length <= 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('Unknown sealed reporter identity format');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(target));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
};

/** The reporter pseudonym stored with a hidden report: HMAC-SHA256(lookup key, tenant ‖ user). 32 bytes. */
export const reporterLookup = (keys: Pick<ReporterIdentityKeys, 'lookup'>, tenantId: string, userId: string): Buffer =>
  createHmac('sha256', keys.lookup).update(`${tenantId.toLowerCase()}:${userId.toLowerCase()}`, 'utf8').digest();
