import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, ErrorCode, FieldError } from '@helhet/shared';

/** Norwegian (or English) text for every stable API error code. */
const MESSAGES: Record<ErrorCode, () => string> = {
  AUTH_INVALID_CREDENTIALS: () => $localize`:@@error.authInvalidCredentials:Feil e-post eller passord.`,
  AUTH_INVITATION_INVALID: () =>
    $localize`:@@error.authInvitationInvalid:Invitasjonslenken er ugyldig eller utløpt. Be administratoren om en ny.`,
  AUTH_LOCAL_LOGIN_DISABLED: () =>
    $localize`:@@error.authLocalLoginDisabled:Kommunen din bruker innlogging fra kommunen. Bruk knappen for kommunens konto.`,
  AUTH_PASSWORD_RESET_INVALID: () =>
    $localize`:@@error.authPasswordResetInvalid:Lenken for nytt passord er ugyldig, brukt eller utløpt. Be om en ny lenke.`,
  AUTH_RATE_LIMITED: () => $localize`:@@error.authRateLimited:For mange mislykkede forsøk. Vent litt og prøv igjen.`,
  AUTH_REFRESH_INVALID: () => $localize`:@@error.authRefreshInvalid:Økten er utløpt. Logg inn på nytt.`,
  AUTH_UNAUTHENTICATED: () => $localize`:@@error.authUnauthenticated:Du er ikke logget inn.`,
  CATEGORY_RESTRICTION_CHANGE_NOT_FOUND: () => $localize`:@@error.restrictionChangeNotFound:Fant ikke endringen av tilgangsbegrensningen.`,
  CATEGORY_RESTRICTION_CHANGE_NOT_PENDING: () =>
    $localize`:@@error.restrictionChangeNotPending:Endringen er allerede godkjent eller avvist.`,
  CATEGORY_RESTRICTION_CHANGE_PENDING: () =>
    $localize`:@@error.restrictionChangePending:Kategorien har allerede en endring av tilgangsbegrensningen som venter på godkjenning.`,
  CATEGORY_RESTRICTION_SELF_APPROVAL: () =>
    $localize`:@@error.restrictionSelfApproval:Du kan ikke godkjenne en endring du selv har foreslått.`,
  CSRF_TOKEN_INVALID: () => $localize`:@@error.csrf:Sikkerhetskontrollen feilet. Last siden på nytt og prøv igjen.`,
  FORBIDDEN: () => $localize`:@@error.forbidden:Du har ikke tilgang til dette.`,
  IDEMPOTENCY_KEY_REUSED: () =>
    $localize`:@@error.idempotencyKeyReused:Dette skjemaet er allerede sendt inn. Last siden på nytt for å melde et nytt avvik.`,
  INTERNAL_ERROR: () => $localize`:@@error.internal:Noe gikk galt hos oss. Prøv igjen om litt.`,
  INCIDENT_CATEGORY_CODE_TAKEN: () => $localize`:@@error.incidentCategoryCodeTaken:En annen kategori har allerede denne koden.`,
  INCIDENT_NOT_FOUND: () => $localize`:@@error.incidentNotFound:Fant ikke saken, eller du har ikke tilgang til den.`,
  INCIDENT_REPORTER_NOT_HIDDEN: () =>
    $localize`:@@error.incidentReporterNotHidden:Saken er ikke meldt med skjult melder. Er den anonym, er ingen identitet lagret; er den meldt med navn, står melderen i saken.`,
  INCIDENT_TRANSITION_NOT_ALLOWED: () =>
    $localize`:@@error.incidentTransitionNotAllowed:Saken har endret seg. Last siden på nytt og prøv igjen.`,
  INPUT_TOO_DEEP: () => $localize`:@@error.inputTooDeep:Innholdet er for dypt nøstet til å kunne leses.`,
  NOT_FOUND: () => $localize`:@@error.notFound:Fant ikke det du lette etter.`,
  ORG_UNIT_CODE_TAKEN: () => $localize`:@@error.orgUnitCodeTaken:En annen enhet har allerede denne koden.`,
  ORG_UNIT_HAS_ACTIVE_CHILDREN: () =>
    $localize`:@@error.orgUnitHasActiveChildren:Enheten har aktive underenheter. Flytt eller avslutt dem først.`,
  ORG_UNIT_INACTIVE_PARENT: () => $localize`:@@error.orgUnitInactiveParent:Overordnet enhet er avsluttet.`,
  ORG_UNIT_MOVE_INTO_OWN_SUBTREE: () =>
    $localize`:@@error.orgUnitMoveIntoOwnSubtree:En enhet kan ikke flyttes inn under seg selv eller sine egne underenheter.`,
  ORG_UNIT_NOT_FOUND: () => $localize`:@@error.orgUnitNotFound:Fant ikke enheten, eller du har ikke tilgang til den.`,
  ORG_UNIT_ROOT_IMMUTABLE: () => $localize`:@@error.orgUnitRootImmutable:Kommunen på toppen av treet kan ikke flyttes eller avsluttes.`,
  PAYLOAD_TOO_LARGE: () => $localize`:@@error.payloadTooLarge:Innholdet er for stort. Gjør teksten kortere og prøv igjen.`,
  RISK_ANALYSIS_NOT_FOUND: () => $localize`:@@error.riskAnalysisNotFound:Fant ikke analysen, eller du har ikke tilgang til den.`,
  RISK_IMPORT_NOT_PENDING: () =>
    $localize`:@@error.riskImportNotPending:Importen er allerede gjennomført, avbrutt eller utløpt. Last opp filen på nytt.`,
  RISK_LINK_DUPLICATE: () => $localize`:@@error.riskLinkDuplicate:Dette er allerede koblet til scenarioet.`,
  RISK_REPORT_NOT_FOUND: () => $localize`:@@error.riskReportNotFound:Fant ikke rapporten. Den kan være slettet, eller du har ikke tilgang.`,
  RISK_REPORT_NOT_READY: () => $localize`:@@error.riskReportNotReady:Rapporten er ikke ferdig ennå.`,
  RISK_SCENARIO_NOT_FOUND: () => $localize`:@@error.riskScenarioNotFound:Fant ikke scenarioet, eller du har ikke tilgang til det.`,
  ROLE_ASSIGNMENT_NOT_FOUND: () => $localize`:@@error.roleAssignmentNotFound:Fant ikke rolletildelingen.`,
  ROLE_SELF_GRANT_FORBIDDEN: () =>
    $localize`:@@error.roleSelfGrantForbidden:Du kan ikke gi deg selv en rolle eller et lederansvar som gir tilgang til avvikssaker.`,
  SERVICE_UNAVAILABLE: () => $localize`:@@error.serviceUnavailable:Helhet er midlertidig utilgjengelig. Prøv igjen om litt.`,
  UNSUPPORTED_MEDIA_TYPE: () => $localize`:@@error.unsupportedMediaType:Forespørselen har et format tjenesten ikke tar imot.`,
  USER_EMAIL_TAKEN: () => $localize`:@@error.userEmailTaken:Det finnes allerede en bruker med denne e-postadressen.`,
  USER_NOT_FOUND: () => $localize`:@@error.userNotFound:Fant ikke brukeren, eller du har ikke tilgang.`,
  VALIDATION_FAILED: () => $localize`:@@error.validationFailed:Noen felt er ikke riktig fylt ut.`,
  WORKSHOP_CLOSED: () => $localize`:@@error.workshopClosed:Verkstedet er avsluttet eller utløpt.`,
  WORKSHOP_NOT_FOUND: () => $localize`:@@error.workshopNotFound:Fant ikke noe åpent verksted med denne koden. Sjekk koden og prøv igjen.`,
  WORKSHOP_TOKEN_INVALID: () => $localize`:@@error.workshopTokenInvalid:Tilgangen til verkstedet er utløpt. Bli med på nytt med koden.`,
};

export const isApiError = (value: unknown): value is ApiError =>
  typeof value === 'object' && value !== null && 'code' in value && typeof (value as ApiError).code === 'string';

/** A message for the user, whatever failed. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return $localize`:@@error.offline:Får ikke kontakt med Helhet. Sjekk nettverket og prøv igjen.`;
    const body: unknown = error.error;
    if (isApiError(body) && body.code in MESSAGES) return MESSAGES[body.code]();
  }
  return MESSAGES.INTERNAL_ERROR();
};

/** 400 details as field → reasons, to show next to the inputs. */
export const fieldErrors = (error: unknown): Record<string, string[]> => {
  if (!(error instanceof HttpErrorResponse) || !isApiError(error.error) || !Array.isArray(error.error.details)) return {};
  return Object.fromEntries((error.error.details as FieldError[]).map((detail) => [detail.field, detail.reasons]));
};
