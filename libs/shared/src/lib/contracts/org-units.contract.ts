import type { DelegationReason, OrgLevelType, ServiceType } from '../enums';
import type { PageQuery } from '../page';

export interface UserRef {
  id: string;
  name: string;
}

export interface OrgUnitSummary {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  levelType: OrgLevelType;
  serviceType: ServiceType | null;
  depth: number;
  active: boolean;
  childCount: number;
  leader: UserRef | null;
}

export interface OrgUnitResponse extends OrgUnitSummary {
  validFrom: string;
  /** Exclusive: the first day the unit is no longer active. */
  validTo: string | null;
  headcount: number | null;
  /** Root first, excluding the unit itself. The organisation chart is not confidential. */
  ancestors: { id: string; name: string; levelType: OrgLevelType }[];
}

export interface ListOrgUnitsQuery extends PageQuery {
  /** Children of this unit. Without parentId and q: the roots of the caller's scope. */
  parentId?: string;
  /** Search in name and code within the caller's scope. */
  q?: string;
  includeInactive?: boolean;
}

export interface CreateOrgUnitRequest {
  parentId: string;
  code: string;
  name: string;
  levelType: OrgLevelType;
  serviceType?: ServiceType | null;
  leaderUserId?: string | null;
  validFrom?: string;
}

export interface UpdateOrgUnitRequest {
  code?: string;
  name?: string;
  levelType?: OrgLevelType;
  serviceType?: ServiceType | null;
  leaderUserId?: string | null;
}

export interface MoveOrgUnitRequest {
  parentId: string;
}

export type ManagementLineSource = 'leader' | 'acting' | 'delegation' | 'vacant';

export interface ManagementLineEntryResponse {
  orgUnitId: string;
  orgUnitName: string;
  levelType: OrgLevelType;
  /** The person who answers for this level today (leader, or who stands in). Null when vacant. */
  responsible: UserRef | null;
  /** The formal leader when someone else stands in. */
  formalLeader: UserRef | null;
  source: ManagementLineSource;
  /** Until when the stand-in applies. */
  until: string | null;
}

export interface DelegationResponse {
  id: string;
  orgUnitId: string;
  from: UserRef;
  to: UserRef;
  includeDescendants: boolean;
  reason: DelegationReason;
  validFrom: string;
  validTo: string | null;
}

export interface CreateDelegationRequest {
  orgUnitId: string;
  fromUserId: string;
  toUserId: string;
  includeDescendants?: boolean;
  reason: DelegationReason;
  validFrom: string;
  validTo?: string | null;
}
