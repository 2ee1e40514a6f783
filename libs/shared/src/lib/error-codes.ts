/** Stable machine-readable error codes. Every error body is `ApiError`; the web maps `code` to a localized text. */
export const ERROR_CODES = [
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_INVITATION_INVALID',
  'AUTH_LOCAL_LOGIN_DISABLED',
  'AUTH_PASSWORD_RESET_INVALID',
  'AUTH_RATE_LIMITED',
  'AUTH_REFRESH_INVALID',
  'AUTH_UNAUTHENTICATED',
  'CATEGORY_RESTRICTION_CHANGE_NOT_FOUND',
  'CATEGORY_RESTRICTION_CHANGE_NOT_PENDING',
  'CATEGORY_RESTRICTION_CHANGE_PENDING',
  'CATEGORY_RESTRICTION_SELF_APPROVAL',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'IDEMPOTENCY_KEY_REUSED',
  'INCIDENT_CATEGORY_CODE_TAKEN',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_REPORTER_NOT_HIDDEN',
  'INCIDENT_TRANSITION_NOT_ALLOWED',
  'INPUT_TOO_DEEP',
  'INTERNAL_ERROR',
  'NOT_FOUND',
  'ORG_UNIT_CODE_TAKEN',
  'ORG_UNIT_HAS_ACTIVE_CHILDREN',
  'ORG_UNIT_MOVE_INTO_OWN_SUBTREE',
  'ORG_UNIT_NOT_FOUND',
  'ORG_UNIT_ROOT_IMMUTABLE',
  'PAYLOAD_TOO_LARGE',
  'RISK_ANALYSIS_NOT_FOUND',
  'RISK_IMPORT_NOT_PENDING',
  'RISK_LINK_DUPLICATE',
  'RISK_REPORT_NOT_FOUND',
  'RISK_REPORT_NOT_READY',
  'RISK_SCENARIO_NOT_FOUND',
  'ORG_UNIT_INACTIVE_PARENT',
  'ROLE_ASSIGNMENT_NOT_FOUND',
  'ROLE_SELF_GRANT_FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'UNSUPPORTED_MEDIA_TYPE',
  'USER_EMAIL_TAKEN',
  'USER_NOT_FOUND',
  'VALIDATION_FAILED',
  'WORKSHOP_CLOSED',
  'WORKSHOP_NOT_FOUND',
  'WORKSHOP_TOKEN_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `parentId` or `roles.0.orgUnitId`. */
  field: string;
  /** Human-readable reasons (English, for developers); the web localizes by `code`. */
  reasons: string[];
}

export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
}
