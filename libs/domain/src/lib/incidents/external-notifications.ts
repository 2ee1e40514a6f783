import type { AffectedPartyType, BreachRiskLevel, CategoryRestriction, NotificationRecipient, Severity } from './incident.types';
import { severityAtLeast, worstSeverity } from './incident-deadlines';

const HOUR = 3_600_000;

export interface NotificationRuleInput {
  categoryCode: string;
  restriction: CategoryRestriction;
  severityActual: Severity | null;
  severityPotential: Severity | null;
  affectedPartyType: AffectedPartyType;
  reportedAt: Date;
  /** The personal-data-breach record, when there is one. */
  breach?: { discoveredAt: Date; riskAssessment: BreachRiskLevel } | null;
}

export interface RequiredNotification {
  recipient: NotificationRecipient;
  /** Null means "as soon as possible" (snarest) without a fixed clock. */
  deadlineAt: Date | null;
  /** The legal source, shown next to the checklist item. */
  legalBasis: string;
}

/**
 * The external notifications a case requires (domain.md §3.7), with computed deadlines. "Immediately"
 * (straks) is a deadline equal to the time of filing: it is already due.
 */
export const requiredNotifications = (input: NotificationRuleInput): RequiredNotification[] => {
  const result: RequiredNotification[] = [];
  const actual = input.severityActual;
  const employeeInjury = input.restriction === 'injury' && input.affectedPartyType === 'employee';
  if (employeeInjury && actual === 'critical') {
    result.push({ deadlineAt: input.reportedAt, legalBasis: 'aml. § 5-2', recipient: 'arbeidstilsynet_police' });
  }
  if (employeeInjury && severityAtLeast(actual, 'medium')) {
    result.push({ deadlineAt: null, legalBasis: 'ftrl. § 13-14', recipient: 'nav_injury' });
    result.push({ deadlineAt: null, legalBasis: 'yrkesskadeforsikringsloven § 3', recipient: 'insurer' });
  }
  if (input.breach && input.breach.riskAssessment !== 'unlikely') {
    result.push({
      deadlineAt: new Date(input.breach.discoveredAt.getTime() + 72 * HOUR),
      legalBasis: 'GDPR art. 33',
      recipient: 'datatilsynet',
    });
  }
  if (input.breach?.riskAssessment === 'high_risk') {
    result.push({ deadlineAt: null, legalBasis: 'GDPR art. 34', recipient: 'data_subjects' });
  }
  const userHarm = input.affectedPartyType === 'user_patient' || input.categoryCode === 'user_safety';
  if (userHarm && actual === 'critical') {
    result.push({ deadlineAt: input.reportedAt, legalBasis: 'helsetilsynsloven § 6; hol. § 12-3 a', recipient: 'helsetilsynet' });
  }
  if (input.categoryCode === 'environment' && worstSeverity(actual, input.severityPotential) === 'critical') {
    result.push({ deadlineAt: input.reportedAt, legalBasis: 'forurensningsloven § 39', recipient: 'emergency_110' });
  }
  return result;
};

/** 72 hours from discovery: the Datatilsynet deadline of a personal-data breach (GDPR art. 33). */
export const breachNotificationDeadline = (discoveredAt: Date): Date => new Date(discoveredAt.getTime() + 72 * HOUR);
