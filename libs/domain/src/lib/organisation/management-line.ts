import { isActiveOn } from '../validity';
import type { ManagementLineDelegation, ManagementLineEntry, ManagementLineUnit } from './management-line.types';

/**
 * The management line (rapporteringslinje) of a unit on day `at`: who answers at each level, from the
 * unit up to the municipality.
 *
 * `chain` is the unit and its ancestors, **unit first, root last**. The result has one entry per element
 * of `chain`, in the same order.
 *
 * Rules (domain.md §1.4, §7.1 Delegation):
 * - A delegation is active at `at` when `validFrom ≤ at ≤ validTo` (`validTo` null = open-ended).
 * - A delegation on unit U applies to U's level, and — when `includeDescendants` — also to levels below U
 *   in this chain. It only ever replaces the person it was given by: `fromUserId` must be the formal
 *   leader of the level it replaces (a delegation left over from a previous leader does nothing).
 * - When several apply to one level, the one on the nearest unit wins (a delegation on the level itself
 *   beats one inherited from above); then the latest `validFrom`; then the greatest `id`.
 * - Source `acting` for reason `acting` (konstituering), `delegation` for `vacation` and `permanent`.
 * - A level without a leader is `vacant` (no delegation can apply to it).
 */
export const resolveManagementLine = <L extends string>(
  chain: readonly ManagementLineUnit<L>[],
  delegations: readonly ManagementLineDelegation[],
  at: string,
): ManagementLineEntry<L>[] => {
  const position = new Map(chain.map((unit, index) => [unit.unitId, index]));
  const active = delegations.filter((d) => position.has(d.orgUnitId) && isActiveOn(d.validFrom, d.validTo, at));

  return chain.map((unit, index) => {
    const formal = unit.leaderUserId;
    if (formal === null) return entry(unit, null, null, 'vacant', null);

    let best: { delegation: ManagementLineDelegation; distance: number } | null = null;
    for (const delegation of active) {
      const owner = position.get(delegation.orgUnitId) ?? -1;
      const applies = delegation.fromUserId === formal && (owner === index || (owner > index && delegation.includeDescendants));
      if (!applies) continue;
      const candidate = { delegation, distance: owner - index };
      if (best === null || beats(candidate, best)) best = candidate;
    }
    if (best === null) return entry(unit, formal, formal, 'leader', null);
    const { delegation } = best;
    return entry(unit, formal, delegation.toUserId, delegation.reason === 'acting' ? 'acting' : 'delegation', delegation);
  });
};

const beats = (
  a: { delegation: ManagementLineDelegation; distance: number },
  b: { delegation: ManagementLineDelegation; distance: number },
): boolean => {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.delegation.validFrom !== b.delegation.validFrom) return a.delegation.validFrom > b.delegation.validFrom;
  return a.delegation.id > b.delegation.id;
};

const entry = <L extends string>(
  unit: ManagementLineUnit<L>,
  formalLeaderUserId: string | null,
  responsibleUserId: string | null,
  source: ManagementLineEntry<L>['source'],
  delegation: ManagementLineDelegation | null,
): ManagementLineEntry<L> => ({
  delegationId: delegation?.id ?? null,
  formalLeaderUserId,
  levelType: unit.levelType,
  responsibleUserId,
  source,
  unitId: unit.unitId,
  until: delegation?.validTo ?? null,
});

/**
 * The people an escalation walks, bottom-up: each responsible user once, in order of first appearance,
 * skipping vacant levels (one person leading both a department and its unit appears once).
 */
export const effectiveLeaders = (line: readonly ManagementLineEntry[]): string[] => {
  const seen = new Set<string>();
  for (const level of line) {
    if (level.responsibleUserId !== null) seen.add(level.responsibleUserId);
  }
  return [...seen];
};

/**
 * Where an escalation from `userId` goes: the first level above the (lowest) level where `userId` is
 * responsible whose responsible person is someone else, skipping vacant levels. Null when `userId` is
 * not responsible anywhere in the line, or nobody else answers above them.
 */
export const nextLevelAbove = <L extends string>(
  line: readonly ManagementLineEntry<L>[],
  userId: string,
): ManagementLineEntry<L> | null => {
  const own = line.findIndex((level) => level.responsibleUserId === userId);
  if (own < 0) return null;
  return line.slice(own + 1).find((level) => level.responsibleUserId !== null && level.responsibleUserId !== userId) ?? null;
};
