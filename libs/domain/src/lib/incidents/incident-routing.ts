import { effectiveLeaders } from '../organisation/management-line';
import type { ManagementLineEntry } from '../organisation/management-line.types';
import type { Severity } from './incident.types';
import { DEFAULT_SEVERITY_POLICY, type SeverityPolicy } from './severity-policy';

/**
 * Who hears about a new case at once (domain.md §3.3), by the severity's `notify` in the tenant's policy:
 * the handler always; `next_level` also the next person up the line; `sector_and_top` also the sector
 * leader (kommunalsjef) and the top of the line (kommunedirektør). By default that is low/medium → handler,
 * high → next level, critical → sector and top. `line` is the unit's resolved management line, unit
 * first. Returns user ids, handler first, no repeats.
 */
export const filingRecipients = (
  line: readonly ManagementLineEntry[],
  handlerUserId: string | null,
  severity: Severity | null,
  policy: SeverityPolicy = DEFAULT_SEVERITY_POLICY,
): string[] => {
  const people = line.map((level) => level.responsibleUserId).filter((id): id is string => id !== null);
  const recipients = new Set<string>(handlerUserId ? [handlerUserId] : people.slice(0, 1));
  const first = [...recipients][0];
  const notify = severity ? policy[severity].notify : 'handler';
  if (notify === 'next_level') {
    const above = people.find((id) => id !== first && !recipients.has(id));
    if (above) recipients.add(above);
  }
  if (notify === 'sector_and_top') {
    const sector = line.find((level) => level.levelType === 'sector' && level.responsibleUserId)?.responsibleUserId;
    const top = [...line].reverse().find((level) => level.responsibleUserId)?.responsibleUserId;
    for (const id of [sector, top]) if (id) recipients.add(id);
  }
  return [...recipients];
};

/**
 * The escalation ladder (domain.md §3.4): the distinct responsible people of the line, bottom-up.
 * Escalation level n (n ≥ 1) goes to ladder[n]; null when the line has no one further up. Measures and
 * control tasks use the same ladder for their own deadlines.
 */
export const escalationRecipient = (ladder: readonly string[], level: number): string | null => ladder[level] ?? null;

/**
 * The ladder a personal deadline climbs (a measure's owner; later a control task's): the person responsible
 * first, then the distinct responsible people of the unit's management line above them. A person who is
 * not a leader in the line (an ordinary employee) has the whole line above them; a leader has only the
 * levels above their own. Without a responsible person the unit's leader stands in (the plain line).
 * Level n goes to ladder[n] (`escalationRecipient`): 0 is the responsible person, 1 their leader, and so on.
 */
export const personalEscalationLadder = (line: readonly ManagementLineEntry[], responsibleUserId: string | null): string[] => {
  const leaders = effectiveLeaders(line);
  if (!responsibleUserId) return leaders;
  return [responsibleUserId, ...leaders.slice(leaders.indexOf(responsibleUserId) + 1)];
};
