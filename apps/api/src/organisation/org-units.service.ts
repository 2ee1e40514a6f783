import { randomUUID } from 'node:crypto';

import { canMoveUnit, childPath, todayDateOnly } from '@helhet/domain';
import { type OrgUnitResponse, PERMISSIONS } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException, invalidField } from '../core/http/domain.exception';
import { UserDirectory } from '../users/user-directory';
import type { CreateDelegationDto } from './dto/delegation.dto';
import type { CreateOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { Delegation } from './entities/delegation.entity';
import { OrgUnit } from './entities/org-unit.entity';
import { OrgUnitsQuery } from './org-units.query';

const MANAGE = PERMISSIONS.organisationManage;

/**
 * A unit's leader and its stand-ins receive the unit's escalated cases (case content): an administrator can never make
 * themselves one (ADR 0015).
 */
const assertNotSelf = (auth: AuthContext, userId: string | null | undefined, field: string): void => {
  if (userId && userId === auth.userId) {
    throw new DomainException('ROLE_SELF_GRANT_FORBIDDEN', 'You cannot make yourself a leader or stand-in: it opens case content', [
      { field, reasons: ['you cannot appoint yourself'] },
    ]);
  }
};

/** Changes to the organisation tree. Each runs in one transaction together with its audit rows. */
@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: OrgUnitsQuery,
    private readonly audit: AuditLogService,
    private readonly users: UserDirectory,
  ) {}

  async create(auth: AuthContext, dto: CreateOrgUnitDto): Promise<OrgUnitResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const parent = await this.referencedUnit(manager, auth, dto.parentId, 'parentId');
      if (!parent.active) throw new DomainException('ORG_UNIT_INACTIVE_PARENT', 'The parent unit is deactivated');
      if (dto.leaderUserId) await this.assertTenantUser(manager, auth, dto.leaderUserId, 'leaderUserId');
      assertNotSelf(auth, dto.leaderUserId, 'leaderUserId');
      const unitId = randomUUID();
      const values = {
        code: dto.code,
        headcount: null,
        id: unitId,
        leaderUserId: dto.leaderUserId ?? null,
        levelType: dto.levelType,
        name: dto.name,
        parentId: parent.id,
        path: childPath(parent.path, unitId),
        serviceType: dto.serviceType ?? null,
        tenantId: auth.tenantId,
        validFrom: dto.validFrom ?? todayDateOnly(),
      };
      await this.insertOrConflict(() => manager.insert(OrgUnit, values));
      const { path: _path, ...audited } = values;
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: audited,
        entityId: unitId,
        entityType: 'org_unit',
        tenantId: auth.tenantId,
      });
      return unitId;
    });
    return this.query.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnitResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.query.findRow(manager, auth, id, MANAGE);
      const before = await manager.findOneOrFail(OrgUnit, { lock: { mode: 'pessimistic_write' }, where: { id, tenantId: auth.tenantId } });
      if (before.parentId === null && dto.levelType && dto.levelType !== before.levelType) {
        throw new DomainException('ORG_UNIT_ROOT_IMMUTABLE', 'The municipality node keeps its level type');
      }
      if (dto.leaderUserId) await this.assertTenantUser(manager, auth, dto.leaderUserId, 'leaderUserId');
      assertNotSelf(auth, dto.leaderUserId, 'leaderUserId');
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<OrgUnit>;
      if (Object.keys(changes).length === 0) return;
      await this.insertOrConflict(() => manager.update(OrgUnit, { id, tenantId: auth.tenantId }, changes));
      const beforeFields = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof OrgUnit]]));
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: changes,
        before: beforeFields,
        entityId: id,
        entityType: 'org_unit',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  /** Moves a unit and its whole subtree under a new parent (one UPDATE of the ltree paths). */
  async move(auth: AuthContext, id: string, parentId: string): Promise<OrgUnitResponse> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await this.query.findRow(manager, auth, id, MANAGE);
      if (unit.parent_id === null) throw new DomainException('ORG_UNIT_ROOT_IMMUTABLE', 'The municipality node cannot be moved');
      const parent = await this.referencedUnit(manager, auth, parentId, 'parentId');
      const verdict = canMoveUnit({ newParentPath: parent.path, unitPath: unit.path });
      if (!verdict.ok && verdict.reason === 'into_own_subtree') {
        throw new DomainException('ORG_UNIT_MOVE_INTO_OWN_SUBTREE', 'A unit cannot be moved under itself or one of its own subunits');
      }
      if (!verdict.ok) return; // same parent: nothing to do
      if (!parent.active) throw new DomainException('ORG_UNIT_INACTIVE_PARENT', 'The new parent unit is deactivated');
      await manager.query(
        `UPDATE org_unit SET path = $1::ltree || subpath(path, nlevel($2::ltree) - 1)
          WHERE tenant_id = $3 AND path <@ $2::ltree`,
        [parent.path, unit.path, auth.tenantId],
      );
      await manager.update(OrgUnit, { id, tenantId: auth.tenantId }, { parentId: parent.id });
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { parentId: parent.id },
        before: { parentId: unit.parent_id },
        entityId: id,
        entityType: 'org_unit',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  /** Ends the unit's active period today (validTo is exclusive). Refused while it has active subunits. */
  async deactivate(auth: AuthContext, id: string): Promise<OrgUnitResponse> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await this.query.findRow(manager, auth, id, MANAGE);
      if (unit.parent_id === null) throw new DomainException('ORG_UNIT_ROOT_IMMUTABLE', 'The municipality node cannot be deactivated');
      if (!unit.active) return;
      if (unit.child_count > 0) {
        throw new DomainException(
          'ORG_UNIT_HAS_ACTIVE_CHILDREN',
          `The unit has ${unit.child_count} active subunits; move or deactivate them first`,
          {
            activeChildren: unit.child_count,
          },
        );
      }
      const validTo = unit.valid_from > todayDateOnly() ? unit.valid_from : todayDateOnly();
      await manager.update(OrgUnit, { id, tenantId: auth.tenantId }, { validTo });
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { validTo },
        before: { validTo: unit.valid_to },
        entityId: id,
        entityType: 'org_unit',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  async createDelegation(auth: AuthContext, dto: CreateDelegationDto): Promise<string> {
    if (dto.validTo && dto.validTo < dto.validFrom) throw invalidField('validTo', 'validTo must not be before validFrom');
    if (dto.fromUserId === dto.toUserId) throw invalidField('toUserId', 'toUserId must differ from fromUserId');
    assertNotSelf(auth, dto.toUserId, 'toUserId');
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.referencedUnit(manager, auth, dto.orgUnitId, 'orgUnitId');
      // The management line only lets someone stand in for the unit's own leader.
      if (unit.leader_id !== dto.fromUserId) throw invalidField('fromUserId', "fromUserId must be the unit's leader");
      await this.assertTenantUser(manager, auth, dto.toUserId, 'toUserId');
      const values = {
        fromUserId: dto.fromUserId,
        id: randomUUID(),
        includeDescendants: dto.includeDescendants ?? true,
        orgUnitId: dto.orgUnitId,
        reason: dto.reason,
        tenantId: auth.tenantId,
        toUserId: dto.toUserId,
        validFrom: dto.validFrom,
        validTo: dto.validTo ?? null,
      };
      await manager.insert(Delegation, values);
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: values,
        entityId: values.id,
        entityType: 'delegation',
        tenantId: auth.tenantId,
      });
      return values.id;
    });
  }

  async deleteDelegation(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const delegation = await manager.findOne(Delegation, { where: { id, tenantId: auth.tenantId } });
      if (!delegation) throw new DomainException('NOT_FOUND', 'Delegation not found');
      await this.query.findRow(manager, auth, delegation.orgUnitId, MANAGE);
      await manager.delete(Delegation, { id, tenantId: auth.tenantId });
      const { orgUnit: _o, fromUser: _f, toUser: _t, tenant: _tn, ...before } = delegation;
      await this.audit.record(manager, {
        action: 'delete',
        actorUserId: auth.userId,
        before,
        entityId: id,
        entityType: 'delegation',
        tenantId: auth.tenantId,
      });
    });
  }

  /** A unit named in a request body: unknown or outside the manage scope is a 400 on that field. */
  private async referencedUnit(manager: EntityManager, auth: AuthContext, id: string, field: string) {
    try {
      return await this.query.findRow(manager, auth, id, MANAGE);
    } catch (error) {
      if (error instanceof DomainException && (error.code === 'ORG_UNIT_NOT_FOUND' || error.code === 'FORBIDDEN')) {
        throw invalidField(field, `${field} must be a unit you may manage`);
      }
      throw error;
    }
  }

  private async assertTenantUser(manager: EntityManager, auth: AuthContext, userId: string, field: string): Promise<void> {
    if (!(await this.users.isActive(auth.tenantId, userId, manager)))
      throw invalidField(field, `${field} must be an active user of this municipality`);
  }

  private async insertOrConflict(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_org_unit_tenant_code') {
        throw new DomainException('ORG_UNIT_CODE_TAKEN', 'Another unit already has this code', [
          { field: 'code', reasons: ['code is already in use'] },
        ]);
      }
      throw error;
    }
  }
}
