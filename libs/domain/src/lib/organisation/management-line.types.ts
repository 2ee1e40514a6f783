/** Why someone stands in for a leader (Norwegian: konstituering, ferie, varig delegering). */
export type DelegationReason = 'acting' | 'vacation' | 'permanent';

/** Where the responsible person at a level comes from. */
export type ManagementLineSource = 'leader' | 'acting' | 'delegation' | 'vacant';

/** One level of the chain handed to `resolveManagementLine`: the unit and its formal leader. */
export interface ManagementLineUnit<L extends string = string> {
  unitId: string;
  levelType: L;
  leaderUserId: string | null;
}

/** A time-bounded stand-in: `toUserId` answers instead of `fromUserId` for `orgUnitId`. */
export interface ManagementLineDelegation {
  id: string;
  orgUnitId: string;
  fromUserId: string;
  toUserId: string;
  /** Also stand in at lower levels of the chain that the same person (`fromUserId`) leads. */
  includeDescendants: boolean;
  reason: DelegationReason;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null = open-ended. */
  validTo: string | null;
}

/** One resolved level of a management line. */
export interface ManagementLineEntry<L extends string = string> {
  unitId: string;
  levelType: L;
  /** The unit's appointed leader (null when the post is empty). */
  formalLeaderUserId: string | null;
  /** Who answers for this level on the given day; null when vacant. */
  responsibleUserId: string | null;
  source: ManagementLineSource;
  /** The delegation that put `responsibleUserId` there (null for 'leader' and 'vacant'). */
  delegationId: string | null;
  /** Last day of that delegation (null when open-ended or not delegated). */
  until: string | null;
}
