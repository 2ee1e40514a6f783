/**
 * The format check of REPORTER_IDENTITY_KEY. It lives in core because configuration validates it at boot and core
 * imports no feature (ADR 0014); the avvik's reporter-identity crypto (incidents/reporter-identity) uses it too.
 */
export const REPORTER_IDENTITY_KEY_BYTES = 32;

/** True for 32 bytes in standard base64 that look random (not a placeholder such as all zeros). */
export const isReporterIdentityKey = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(value)) return false;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === REPORTER_IDENTITY_KEY_BYTES && new Set(bytes).size >= 16;
};

export const REPORTER_IDENTITY_KEY_MESSAGE =
  'REPORTER_IDENTITY_KEY must be 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)';
