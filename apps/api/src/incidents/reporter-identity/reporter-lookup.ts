import { type ReporterIdentityKeys, reporterLookup } from './reporter-identity.crypto';

/**
 * The lookup subkey of this process, for `incidentAccess`: that predicate is a pure SQL builder called from
 * several modules (avvik, ROS links), so it reads the key installed here at boot by ReporterIdentityService
 * instead of every caller injecting a service. Like the JWT secret, there is one key per process.
 */
let installed: Pick<ReporterIdentityKeys, 'lookup'> | null = null;

export const installReporterLookupKey = (keys: Pick<ReporterIdentityKeys, 'lookup'>): void => {
  installed = keys;
};

/**
 * The caller's reporter pseudonym as an SQL bytea literal (`'\x…'::bytea`). A literal, not a parameter: each
 * fragment of incidentAccess must work on its own, and PostgreSQL refuses a parameter that a query does not
 * use. The value is our own HMAC in hex (checked below), never user input.
 */
export const reporterLookupLiteral = (tenantId: string, userId: string): string => {
  if (!installed)
    throw new Error('No reporter identity key installed: ReporterIdentityService must be created first (REPORTER_IDENTITY_KEY)');
  const hex = reporterLookup(installed, tenantId, userId).toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('Unexpected reporter lookup value');
  return `'\\x${hex}'::bytea`;
};
