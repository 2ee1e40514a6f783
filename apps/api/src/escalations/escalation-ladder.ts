import { effectiveLeaders, type ManagementLineEntry } from '@helhet/domain';

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
