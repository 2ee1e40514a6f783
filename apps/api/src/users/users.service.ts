import { randomUUID } from 'node:crypto';

import { todayDateOnly } from '@helhet/domain';
import { caseContentPermissionsForRole, PERMISSIONS, type Role, type RoleAssignmentResponse, type UserResponse } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { Invitation } from '../auth/entities/invitation.entity';
import { randomToken, sha256, TokensService } from '../auth/tokens.service';
import { DomainException, invalidField } from '../core/http/domain.exception';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgDirectory } from '../organisation/org-directory';
import { OrgUnitsQuery } from '../organisation/org-units.query';
import type { CreateRoleAssignmentDto, CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { InvitationMailProducer } from './jobs/invitation-mail.producer';
import { toRoleAssignmentResponses } from './user.mapper';
import { UsersQuery } from './users.query';

const MANAGE = PERMISSIONS.usersManage;
const INVITATION_TTL_MS = 7 * 86_400_000;

/** User administration. Writes and their audit rows commit together; e-mails are queued after commit. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersQuery,
    private readonly units: OrgUnitsQuery,
    private readonly audit: AuditLogService,
    private readonly invitations: InvitationMailProducer,
    private readonly orgDirectory: OrgDirectory,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly tokens: TokensService,
  ) {}

  async create(auth: AuthContext, dto: CreateUserDto): Promise<UserResponse> {
    const { userId, invitationId } = await this.dataSource.transaction(async (manager) => {
      await this.referencedUnit(manager, auth, dto.primaryOrgUnitId, 'primaryOrgUnitId');
      const values = {
        email: dto.email,
        employeeNumber: dto.employeeNumber ?? null,
        id: randomUUID(),
        locale: dto.locale ?? 'nb',
        name: dto.name,
        primaryOrgUnitId: dto.primaryOrgUnitId,
        tenantId: auth.tenantId,
      } as const;
      try {
        await manager.insert(User, values);
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_app_user_tenant_email') {
          throw new DomainException('USER_EMAIL_TAKEN', 'A user with this e-mail already exists', [
            { field: 'email', reasons: ['email is already in use'] },
          ]);
        }
        throw error;
      }
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: values,
        entityId: values.id,
        entityType: 'user',
        tenantId: auth.tenantId,
      });
      const invitation = dto.sendInvitation === false ? null : await this.createInvitation(manager, auth, values.id);
      return { invitationId: invitation, userId: values.id };
    });
    if (invitationId) await this.enqueueInvitation(auth.tenantId, invitationId);
    return this.users.get(auth, userId);
  }

  async update(auth: AuthContext, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    // Deactivation ends every session: refresh families revoked in the transaction, access tokens refused after commit.
    const endedSessions = await this.dataSource.transaction(async (manager) => {
      await this.users.findRow(manager, auth, id, MANAGE);
      if (dto.primaryOrgUnitId) await this.referencedUnit(manager, auth, dto.primaryOrgUnitId, 'primaryOrgUnitId');
      if (dto.active === false && id === auth.userId) throw invalidField('active', 'you cannot deactivate yourself');
      const before = await manager.findOneOrFail(User, { lock: { mode: 'pessimistic_write' }, where: { id, tenantId: auth.tenantId } });
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<User>;
      if (Object.keys(changes).length === 0) return [];
      await manager.update(User, { id, tenantId: auth.tenantId }, changes);
      const beforeFields = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof User]]));
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: changes,
        before: beforeFields,
        entityId: id,
        entityType: 'user',
        tenantId: auth.tenantId,
      });
      return dto.active === false && before.active ? this.tokens.revokeAllOfUser(manager, auth.tenantId, id) : [];
    });
    await this.tokens.endSessionsAtOnce(endedSessions);
    return this.users.get(auth, id);
  }

  /** A fresh invitation (older unused ones stop working). */
  async resendInvitation(auth: AuthContext, id: string): Promise<void> {
    const invitationId = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findRow(manager, auth, id, MANAGE);
      if (!user.active) throw invalidField('id', 'the user is deactivated');
      await manager.query(
        `UPDATE invitation SET expires_at = now() WHERE tenant_id = $1 AND user_id = $2 AND accepted_at IS NULL AND expires_at > now()`,
        [auth.tenantId, id],
      );
      return this.createInvitation(manager, auth, id);
    });
    await this.enqueueInvitation(auth.tenantId, invitationId);
  }

  /**
   * Grants a role in a unit. A role that opens case content (ADR 0015) can never be granted to oneself; granted to
   * someone else, the audit row says so and the DPOs and the kommunedirektør are told (inbox and e-mail).
   */
  async addRole(auth: AuthContext, userId: string, dto: CreateRoleAssignmentDto): Promise<RoleAssignmentResponse> {
    if (dto.validTo && dto.validFrom && dto.validTo < dto.validFrom) throw invalidField('validTo', 'validTo must not be before validFrom');
    const contentPermissions = caseContentPermissionsForRole(dto.role);
    if (contentPermissions.length > 0 && userId === auth.userId) {
      throw new DomainException('ROLE_SELF_GRANT_FORBIDDEN', 'You cannot grant yourself a role that opens case content', {
        permissions: contentPermissions,
        role: dto.role,
      });
    }
    const { deliveryIds, id } = await this.dataSource.transaction(async (manager) => {
      const grantee = await this.users.findRow(manager, auth, userId, MANAGE);
      await this.referencedUnit(manager, auth, dto.orgUnitId, 'orgUnitId');
      const values = {
        id: randomUUID(),
        includeDescendants: dto.includeDescendants ?? true,
        orgUnitId: dto.orgUnitId,
        role: dto.role,
        tenantId: auth.tenantId,
        userId,
        validFrom: dto.validFrom ?? todayDateOnly(),
        validTo: dto.validTo ?? null,
      };
      await manager.insert(RoleAssignment, values);
      const opens = contentPermissions.length > 0;
      // A grant that opens case content is marked as such on its audit row, with the permissions it opens.
      const audited: typeof values & { caseContentPermissions?: string; opensCaseContent?: boolean } = opens
        ? { ...values, caseContentPermissions: contentPermissions.join(','), opensCaseContent: true }
        : values;
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: audited,
        entityId: values.id,
        entityType: 'role_assignment',
        tenantId: auth.tenantId,
      });
      const delivered = opens ? await this.notifyContentGrant(manager, auth, values.id, userId, grantee.name, dto.role, dto.orgUnitId) : [];
      return { deliveryIds: delivered, id: values.id };
    });
    await this.enqueueDeliveries(auth.tenantId, deliveryIds);
    const roles = await toRoleAssignmentResponses(this.dataSource.manager, this.orgDirectory, auth.tenantId, [userId]);
    const created = roles.find((role) => role.id === id);
    if (!created) throw new DomainException('ROLE_ASSIGNMENT_NOT_FOUND', 'Role assignment not found');
    const { userId: _userId, ...response } = created;
    return response;
  }

  /**
   * Tells the DPOs and the kommunedirektør (executive at the root) that someone was given a content role. Neither the
   * grantee nor the granting administrator is told as a watcher (the grantee is the subject, the actor is the one watched).
   */
  private async notifyContentGrant(
    manager: EntityManager,
    auth: AuthContext,
    assignmentId: string,
    granteeId: string,
    granteeName: string,
    role: Role,
    orgUnitId: string,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT ra.user_id FROM role_assignment ra JOIN org_unit ou ON ou.id = ra.org_unit_id
        WHERE ra.tenant_id = $1 AND ra.valid_from <= CURRENT_DATE AND (ra.valid_to IS NULL OR ra.valid_to >= CURRENT_DATE)
          AND (ra.role = 'dpo' OR (ra.role = 'executive' AND ou.parent_id IS NULL))
          AND ra.id <> $2 AND ra.user_id <> ALL($3::uuid[])`,
      [auth.tenantId, assignmentId, [auth.userId, granteeId]],
    )) as { user_id: string }[];
    const unit = await this.orgDirectory.unit(auth.tenantId, orgUnitId, manager);
    return this.notifications.notify(manager, {
      dedupeKey: `role_assignment:${assignmentId}:content_role_granted`,
      incidentId: null,
      kind: 'content_role_granted',
      subjectUserId: granteeId,
      tenantId: auth.tenantId,
      title: `${granteeName}: ${role} (${unit?.name ?? ''})`.slice(0, 300),
      userIds: rows.map((row) => row.user_id),
    });
  }

  async removeRole(auth: AuthContext, userId: string, assignmentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.users.findRow(manager, auth, userId, MANAGE);
      const assignment = await manager.findOne(RoleAssignment, { where: { id: assignmentId, tenantId: auth.tenantId, userId } });
      if (!assignment) throw new DomainException('ROLE_ASSIGNMENT_NOT_FOUND', 'Role assignment not found');
      await this.units.findRow(manager, auth, assignment.orgUnitId, MANAGE);
      if (userId === auth.userId && assignment.role === 'tenant_admin')
        throw invalidField('assignmentId', 'you cannot remove your own administrator role');
      await manager.delete(RoleAssignment, { id: assignmentId, tenantId: auth.tenantId });
      const { user: _u, orgUnit: _o, tenant: _t, ...before } = assignment;
      await this.audit.record(manager, {
        action: 'delete',
        actorUserId: auth.userId,
        before,
        entityId: assignmentId,
        entityType: 'role_assignment',
        tenantId: auth.tenantId,
      });
    });
  }

  private async createInvitation(manager: EntityManager, auth: AuthContext, userId: string): Promise<string> {
    // Placeholder hash; the worker mints the real token when it sends the e-mail.
    const values = {
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      id: randomUUID(),
      invitedByUserId: auth.userId,
      tenantId: auth.tenantId,
      tokenHash: sha256(randomToken()),
      userId,
    };
    await manager.insert(Invitation, values);
    await manager.update(User, { id: userId, tenantId: auth.tenantId }, { invitedAt: new Date() });
    const { tokenHash: _hash, ...audited } = values;
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: auth.userId,
      after: audited,
      entityId: values.id,
      entityType: 'invitation',
      tenantId: auth.tenantId,
    });
    return values.id;
  }

  /** After commit. If Redis is down the deliveries stay pending; the outbox sweep re-enqueues them. */
  private async enqueueDeliveries(tenantId: string, deliveryIds: string[]): Promise<void> {
    try {
      await this.deliveries.enqueue(tenantId, deliveryIds);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, msg: 'could not enqueue notification deliveries; sweep will retry' });
    }
  }

  /** After commit. If Redis is down the invitation stays unsent; the maintenance sweep re-enqueues it. */
  private async enqueueInvitation(tenantId: string, invitationId: string): Promise<void> {
    try {
      await this.invitations.enqueue({ invitationId, tenantId });
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, invitationId, msg: 'could not enqueue invitation mail; sweep will retry' });
    }
  }

  private async referencedUnit(manager: EntityManager, auth: AuthContext, id: string, field: string): Promise<void> {
    try {
      await this.units.findRow(manager, auth, id, MANAGE);
    } catch (error) {
      if (error instanceof DomainException && (error.code === 'ORG_UNIT_NOT_FOUND' || error.code === 'FORBIDDEN')) {
        throw invalidField(field, `${field} must be a unit you may manage`);
      }
      throw error;
    }
  }
}
