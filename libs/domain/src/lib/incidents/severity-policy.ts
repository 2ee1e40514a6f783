import { SEVERITIES, type Severity } from './incident.types';

/**
 * Who hears about a new case at once (domain.md §3.3): the handler only; also the next person up the
 * management line; or also the sector leader (kommunalsjef) and the top of the line (kommunedirektør).
 * The handler is always told.
 */
export const SEVERITY_NOTIFY = ['handler', 'next_level', 'sector_and_top'] as const;
export type SeverityNotify = (typeof SEVERITY_NOTIFY)[number];

/** One severity level as a tenant has configured it. */
export interface SeverityLevelSettings {
  /** Norwegian (bokmål) name shown to reporters and handlers. */
  label: string;
  /** Guidance on the filing form: what the level means (domain.md §3.3 "Meaning"). */
  description: string;
  /** Offered when filing. An inactive level stays valid on old cases. */
  active: boolean;
  notify: SeverityNotify;
  /** The case must be acknowledged by the end of the filing day instead of within N working days. */
  sameDayAcknowledge: boolean;
}

/**
 * A tenant's severity scale. The four codes are fixed and ranked (low < medium < high < critical): they are
 * the anchors of the legal-notification rules (external-notifications.ts), so a tenant changes what a
 * level is called, explains and triggers, and which levels are offered — never what the codes mean.
 */
export type SeverityPolicy = Readonly<Record<Severity, SeverityLevelSettings>>;

export const SEVERITY_LABEL_MAX = 60;
export const SEVERITY_DESCRIPTION_MAX = 500;
/** Fewer than two levels is no scale. */
export const MIN_ACTIVE_SEVERITIES = 2;
/**
 * Levels that cannot be switched off: `critical` opens the statutory checklist (aml § 5-2 to Arbeidstilsynet
 * and police, Statens helsetilsyn, 110 for acute pollution). Without it no case could trigger those rules.
 */
export const ALWAYS_ACTIVE_SEVERITIES: readonly Severity[] = ['critical'];

/** The shipped default (domain.md §3.3 and §7.2). */
export const DEFAULT_SEVERITY_POLICY: SeverityPolicy = {
  critical: {
    active: true,
    description: 'Død, alvorlig personskade, hendelse som skal meldes til myndighetene, eller alvorlig brudd på lov eller sikkerhet.',
    label: 'Kritisk',
    notify: 'sector_and_top',
    sameDayAcknowledge: true,
  },
  high: {
    active: true,
    description: 'Alvorlig skade eller brudd som må følges opp over enheten.',
    label: 'Høy',
    notify: 'next_level',
    sameDayAcknowledge: false,
  },
  low: {
    active: true,
    description: 'Ingen eller ubetydelig følge.',
    label: 'Lav',
    notify: 'handler',
    sameDayAcknowledge: false,
  },
  medium: {
    active: true,
    description: 'Mindre skade eller ulempe som kan rettes på stedet.',
    label: 'Middels',
    notify: 'handler',
    sameDayAcknowledge: false,
  },
};

/** The levels offered when filing, lowest first. */
export const activeSeverities = (policy: SeverityPolicy = DEFAULT_SEVERITY_POLICY): Severity[] =>
  SEVERITIES.filter((code) => policy[code].active);

/**
 * A stored (possibly partial or older) policy completed with the defaults, level by level and field by
 * field, so a level or field added later never reads as undefined.
 */
export const completeSeverityPolicy = (
  stored: Partial<Record<Severity, Partial<SeverityLevelSettings>>> | null | undefined,
): SeverityPolicy => {
  const result = {} as Record<Severity, SeverityLevelSettings>;
  for (const code of SEVERITIES) result[code] = { ...DEFAULT_SEVERITY_POLICY[code], ...(stored?.[code] ?? {}) };
  return result;
};

export interface SeverityPolicyProblem {
  /** Path inside the policy, e.g. `high.label`, or `''` for the policy as a whole. */
  field: string;
  reason: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Everything wrong with a policy, as field problems (empty when it is valid). Checks the shape as well,
 * so the API can hand it a request body: every code present, non-empty distinct labels within length,
 * descriptions within length, a known `notify`, booleans, at least two active levels, critical active.
 */
export const validateSeverityPolicy = (policy: unknown): SeverityPolicyProblem[] => {
  if (!isRecord(policy)) return [{ field: '', reason: 'must be an object with low, medium, high and critical' }];
  const problems: SeverityPolicyProblem[] = [];
  const fail = (field: string, reason: string) => problems.push({ field, reason });
  for (const key of Object.keys(policy)) if (!(SEVERITIES as readonly string[]).includes(key)) fail(key, 'is not a severity level');
  const labels = new Map<string, Severity>();
  let active = 0;
  for (const code of SEVERITIES) {
    const level = policy[code];
    if (!isRecord(level)) {
      fail(code, 'is required');
      continue;
    }
    for (const key of Object.keys(level)) {
      if (!['active', 'description', 'label', 'notify', 'sameDayAcknowledge'].includes(key))
        fail(`${code}.${key}`, 'is not a setting of a severity level');
    }
    const label = typeof level['label'] === 'string' ? level['label'].trim() : null;
    if (label === null || label === '') fail(`${code}.label`, 'must not be empty');
    else if (label.length > SEVERITY_LABEL_MAX) fail(`${code}.label`, `must be at most ${SEVERITY_LABEL_MAX} characters`);
    else {
      const key = label.toLocaleLowerCase('nb');
      const other = labels.get(key);
      if (other) fail(`${code}.label`, `must differ from the label of ${other}`);
      else labels.set(key, code);
    }
    if (typeof level['description'] !== 'string') fail(`${code}.description`, 'must be a string');
    else if (level['description'].trim().length > SEVERITY_DESCRIPTION_MAX)
      fail(`${code}.description`, `must be at most ${SEVERITY_DESCRIPTION_MAX} characters`);
    if (!(SEVERITY_NOTIFY as readonly unknown[]).includes(level['notify']))
      fail(`${code}.notify`, `must be one of ${SEVERITY_NOTIFY.join(', ')}`);
    if (typeof level['sameDayAcknowledge'] !== 'boolean') fail(`${code}.sameDayAcknowledge`, 'must be true or false');
    if (typeof level['active'] !== 'boolean') fail(`${code}.active`, 'must be true or false');
    else if (level['active']) active += 1;
    else if (ALWAYS_ACTIVE_SEVERITIES.includes(code))
      fail(`${code}.active`, 'cannot be switched off: the statutory notification rules depend on it');
  }
  if (active < MIN_ACTIVE_SEVERITIES) fail('', `at least ${MIN_ACTIVE_SEVERITIES} levels must be active`);
  return problems;
};

/** The policy with labels and descriptions trimmed, as it is stored (call after validateSeverityPolicy). */
export const normaliseSeverityPolicy = (policy: SeverityPolicy): SeverityPolicy => {
  const result = {} as Record<Severity, SeverityLevelSettings>;
  for (const code of SEVERITIES) {
    const level = policy[code];
    result[code] = {
      active: level.active,
      description: level.description.trim(),
      label: level.label.trim(),
      notify: level.notify,
      sameDayAcknowledge: level.sameDayAcknowledge,
    };
  }
  return result;
};
