import { isReporterIdentityKey } from '../../core/crypto/reporter-identity-key';
import { deriveReporterIdentityKeys, openReporterId, reporterLookup, sealReporterId } from './reporter-identity.crypto';

const KEY = 'k8yQ1M0f3Yb2bq0X2i7n0M1y7d2J1t7V4cQ9W3e5R6s=';
const OTHER_KEY = 'Vq3h0dM2pX7c9L1f4T6y8B0n2R4w6Z8a1C3e5G7i9K0=';
const TENANT = '0b8f3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c';
const CASE = { incidentId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', tenantId: TENANT };
const USER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('reporter identity crypto', () => {
  const keys = deriveReporterIdentityKeys(KEY);

  it('should seal a user id that only the same key opens, for the same case', () => {
    const sealed = sealReporterId(keys, CASE, USER);
    expect(sealed.includes(Buffer.from(USER))).toBe(false);
    expect(sealed[0]).toBe(1);
    expect(openReporterId(keys, CASE, sealed)).toBe(USER);
    expect(() => openReporterId(deriveReporterIdentityKeys(OTHER_KEY), CASE, sealed)).toThrow();
    // Bound to its case: copied onto another case (or tenant) it does not open.
    expect(() => openReporterId(keys, { ...CASE, incidentId: USER }, sealed)).toThrow();
    expect(() => openReporterId(keys, { ...CASE, tenantId: USER }, sealed)).toThrow();
  });

  it('should use a fresh IV every time and detect tampering', () => {
    const first = sealReporterId(keys, CASE, USER);
    const second = sealReporterId(keys, CASE, USER);
    expect(first.equals(second)).toBe(false);
    const tampered = Buffer.from(first);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openReporterId(keys, CASE, tampered)).toThrow();
    expect(() => openReporterId(keys, CASE, Buffer.concat([Buffer.of(9), first.subarray(1)]))).toThrow(/format/);
  });

  it('should give a stable 32-byte lookup per tenant and user, different from the encryption subkey', () => {
    const lookup = reporterLookup(keys, TENANT, USER);
    expect(lookup).toHaveLength(32);
    expect(reporterLookup(keys, TENANT, USER.toUpperCase()).equals(lookup)).toBe(true);
    expect(reporterLookup(keys, USER, USER).equals(lookup)).toBe(false);
    expect(reporterLookup(deriveReporterIdentityKeys(OTHER_KEY), TENANT, USER).equals(lookup)).toBe(false);
    expect(keys.lookup.equals(keys.encryption)).toBe(false);
  });

  it('should accept only 32 random-looking bytes in base64', () => {
    expect(isReporterIdentityKey(KEY)).toBe(true);
    expect(isReporterIdentityKey(undefined)).toBe(false);
    expect(isReporterIdentityKey('c2hvcnQ=')).toBe(false);
    expect(isReporterIdentityKey(`${'A'.repeat(43)}=`)).toBe(false);
    expect(isReporterIdentityKey('0_NvOQjwEoF_x1nFBcKSkK2C3Jyrks-_O9riM1bUI68=')).toBe(false); // base64url
    expect(() => deriveReporterIdentityKeys('not a key')).toThrow(/REPORTER_IDENTITY_KEY/);
  });
});
