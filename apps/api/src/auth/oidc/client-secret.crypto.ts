import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { isReporterIdentityKey, REPORTER_IDENTITY_KEY_BYTES, REPORTER_IDENTITY_KEY_MESSAGE } from '../../core/crypto/reporter-identity-key';

/**
 * Encryption at rest of a tenant's OpenID Connect client secret: AES-256-GCM with a subkey derived by HKDF-SHA256
 * (own salt and info) from the installation's REPORTER_IDENTITY_KEY, so no second secret has to be deployed; the
 * subkey is independent of the reporter-identity subkeys. The ciphertext is bound to the tenant (associated data),
 * so a sealed secret cannot be copied to another tenant's row. Format: version (1) ‖ IV (12) ‖ tag (16) ‖ ciphertext.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = Buffer.from('helhet/oidc-client-secret', 'utf8');

export const deriveClientSecretKey = (secret: string): Buffer => {
  if (!isReporterIdentityKey(secret)) throw new Error(REPORTER_IDENTITY_KEY_MESSAGE);
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(secret, 'base64'), HKDF_SALT, 'oidc client secret: aes-256-gcm v1', REPORTER_IDENTITY_KEY_BYTES),
  );
};

const associatedData = (tenantId: string): Buffer => Buffer.from(`helhet:oidc-client-secret:v${VERSION}:${tenantId.toLowerCase()}`, 'utf8');

export const sealClientSecret = (key: Buffer, tenantId: string, clientSecret: string): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(tenantId));
  const ciphertext = Buffer.concat([cipher.update(clientSecret, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext]);
};

/** The client secret. Throws when the value was not sealed with this key for this tenant. */
export const openClientSecret = (key: Buffer, tenantId: string, sealed: Buffer): string => {
  if (sealed.length <= 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('Unknown sealed client secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(tenantId));
  decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
};
