import type { UserRef } from './org-units.contract';

/** The shortest reason the break-glass reveal accepts (trimmed). */
export const REVEAL_REASON_MIN_LENGTH = 10;
export const REVEAL_REASON_MAX_LENGTH = 2000;

/**
 * POST /api/incidents/:idOrNumber/reporter-identity — break-glass (permission incidents.reveal_reporter, the DPO):
 * who filed a report hidden from the handler. `:idOrNumber` is the case id or its number (`2026-000123`).
 * Access-logged and audited with the reason; the case history records that it happened and the reporter is told.
 */
export interface RevealReporterRequest {
  reason: string;
}

export interface RevealReporterResponse {
  incidentId: string;
  number: string;
  reporter: UserRef;
  revealedAt: string;
}
