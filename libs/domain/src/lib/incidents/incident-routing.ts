import type { ManagementLineEntry } from '../organisation/management-line.types';
import type { Severity } from './incident.types';

/**
 * Who hears about a new case at once (domain.md §3.3): the handler always; `high` also the next level
 * up; `critical` also the sector leader (kommunalsjef) and the top of the line (kommunedirektør).
 * `line` is the unit's resolved management line, unit first. Returns user ids, handler first, no repeats.
 */
export const filingRecipients = (line: readonly ManagementLineEntry[], handlerUserId: string | null, severity: Severity | null): string[] => {
  const people = line.map((level) => level.responsibleUserId).filter((id): id is string => id !== null);
  const recipients = new Set<string>(handlerUserId ? [handlerUserId] : people.slice(0, 1));
  const first = [...recipients][0];
  if (severity === 'high') {
    const above = people.find((id) => id !== first && !recipients.has(id));
    if (above) recipients.add(above);
  }
  if (severity === 'critical') {
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
