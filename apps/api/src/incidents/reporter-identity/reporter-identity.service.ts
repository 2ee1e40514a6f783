import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../core/config/app-config.service';
import {
  deriveReporterIdentityKeys,
  openReporterId,
  type ReporterIdentityKeys,
  reporterLookup,
  type SealedCase,
  sealReporterId,
} from './reporter-identity.crypto';
import { installReporterLookupKey } from './reporter-lookup';

/** What a hidden report stores instead of the reporter's id. */
export interface SealedReporter {
  ciphertext: Buffer;
  lookup: Buffer;
}

/**
 * The configured reporter-identity key (REPORTER_IDENTITY_KEY) as a service: seals the reporter of a hidden
 * report, opens it for break-glass and for anything that must reach the reporter, and computes the lookup
 * pseudonym. Creating it installs the lookup key for incidentAccess (reporter-lookup.ts).
 */
@Injectable()
export class ReporterIdentityService {
  private readonly keys: ReporterIdentityKeys;

  constructor(config: AppConfig) {
    this.keys = deriveReporterIdentityKeys(config.get('REPORTER_IDENTITY_KEY'));
    installReporterLookupKey(this.keys);
  }

  seal(target: SealedCase, userId: string): SealedReporter {
    return { ciphertext: sealReporterId(this.keys, target, userId), lookup: reporterLookup(this.keys, target.tenantId, userId) };
  }

  /** The reporter's user id. Only for break-glass and for messages to the reporter; never put it in a response, row or log of the case. */
  open(target: SealedCase, ciphertext: Buffer): string {
    return openReporterId(this.keys, target, ciphertext);
  }

  lookup(tenantId: string, userId: string): Buffer {
    return reporterLookup(this.keys, tenantId, userId);
  }
}
