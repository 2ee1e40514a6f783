import type { CategoryRestriction } from '@helhet/domain';
import {
  type CategoryRestrictionChangeResponse,
  type CategoryRestrictionChangeStatus,
  PERMISSIONS,
  type RestrictionApproverRole,
} from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AccessLogService } from '../access-log/access-log.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../notifications/notifications.service';
import { UserDirectory } from '../users/user-directory';

/**
 * ADR 0015. A change loosens a category when it takes a restriction away or swaps it for another (the readers
 * change): infosec → anything else waits for the DPO, injury → anything else for the HMS advisor. Tightening (from
 * none to a restriction) applies at once: it narrows who reads.
 */
export const restrictionApprover = (from: CategoryRestriction, to: CategoryRestriction): RestrictionApproverRole | null =>
  from === to || from === 'none' ? null : from === 'infosec' ? 'dpo' : 'hms_advisor';

const ENTITY = 'category_restriction_change';

type ChangeRow = {
  id: string;
  category_id: string;
  code: string;
  label: string;
  from_restriction: CategoryRestriction;
  to_restriction: CategoryRestriction;
  approver_role: RestrictionApproverRole;
  status: CategoryRestrictionChangeStatus;
  proposed_by_user_id: string;
  created_at: Date;
  decided_by_user_id: string | null;
  decided_at: Date | null;
};

const CHANGE_COLUMNS = `ch.id, ch.category_id, c.code, c.label, ch.from_restriction, ch.to_restriction, ch.approver_role, ch.status,
  ch.proposed_by_user_id, ch.created_at, ch.decided_by_user_id, ch.decided_at`;

/** Pending restriction changes of avvik categories: proposed by configuration, decided by the approver role. */
@Injectable()
export class CategoryRestrictionChanges {
  private readonly logger = new Logger(CategoryRestrictionChanges.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly accessLog: AccessLogService,
    private readonly users: UserDirectory,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
  ) {}

  /**
   * Inside the category update's transaction: records the proposal (audit + access log) and tells the approvers.
   * Returns the change id and the deliveries to enqueue after commit.
   */
  async propose(
    manager: EntityManager,
    auth: AuthContext,
    category: { id: string; label: string },
    from: CategoryRestriction,
    to: CategoryRestriction,
    approverRole: RestrictionApproverRole,
  ): Promise<{ id: string; deliveryIds: string[] }> {
    const [row] = (await manager.query(
      `INSERT INTO category_restriction_change (tenant_id, category_id, from_restriction, to_restriction, approver_role, proposed_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [auth.tenantId, category.id, from, to, approverRole, auth.userId],
    )) as { id: string }[];
    if (!row)
      throw new DomainException(
        'CATEGORY_RESTRICTION_CHANGE_PENDING',
        'The category already has a restriction change waiting for approval',
      );
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: auth.userId,
      after: { approverRole, categoryId: category.id, fromRestriction: from, status: 'pending', toRestriction: to },
      entityId: row.id,
      entityType: ENTITY,
      tenantId: auth.tenantId,
    });
    await this.accessLog.record(manager, {
      actorUserId: auth.userId,
      entityIds: [row.id],
      entityType: ENTITY,
      purpose: 'propose',
      tenantId: auth.tenantId,
    });
    const approvers = (await manager.query(
      `SELECT DISTINCT user_id FROM role_assignment
        WHERE tenant_id = $1 AND role = $2 AND user_id <> $3
          AND valid_from <= CURRENT_DATE AND (valid_to IS NULL OR valid_to >= CURRENT_DATE)`,
      [auth.tenantId, approverRole, auth.userId],
    )) as { user_id: string }[];
    const deliveryIds = await this.notifications.notify(manager, {
      dedupeKey: `${ENTITY}:${row.id}:pending`,
      incidentId: null,
      kind: 'category_restriction_pending',
      tenantId: auth.tenantId,
      title: `${category.label}: ${from} → ${to}`.slice(0, 300),
      userIds: approvers.map((approver) => approver.user_id),
    });
    return { deliveryIds, id: row.id };
  }

  /** After commit. If Redis is down the deliveries stay pending; the outbox sweep re-enqueues them. */
  async enqueue(tenantId: string, deliveryIds: string[]): Promise<void> {
    try {
      await this.deliveries.enqueue(tenantId, deliveryIds);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, msg: 'could not enqueue notification deliveries; sweep will retry' });
    }
  }

  /** Changes the caller may see: configurers see all; an approver sees those waiting for their role. Newest first. */
  async list(auth: AuthContext, status?: CategoryRestrictionChangeStatus): Promise<CategoryRestrictionChangeResponse[]> {
    const roles = approverRolesOf(auth);
    const configurer = auth.permissions.has(PERMISSIONS.incidentsConfigure);
    if (!configurer && roles.length === 0) throw new DomainException('FORBIDDEN', 'Requires incidents.configure or an approver role');
    const rows = (await this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS} FROM category_restriction_change ch JOIN incident_category c ON c.id = ch.category_id
        WHERE ch.tenant_id = $1 AND ($2::boolean OR ch.approver_role = ANY($3::text[])) AND ($4::text IS NULL OR ch.status = $4)
        ORDER BY ch.created_at DESC, ch.id LIMIT 200`,
      [auth.tenantId, configurer, roles, status ?? null],
    )) as ChangeRow[];
    return this.toResponses(auth, rows);
  }

  /** One change the caller may see (list rules). */
  async one(auth: AuthContext, id: string): Promise<CategoryRestrictionChangeResponse> {
    const found = (await this.list(auth)).find((change) => change.id === id);
    if (!found) throw new DomainException('CATEGORY_RESTRICTION_CHANGE_NOT_FOUND', 'Restriction change not found');
    return found;
  }

  async approve(auth: AuthContext, id: string): Promise<CategoryRestrictionChangeResponse> {
    return this.decide(auth, id, 'approved');
  }

  async reject(auth: AuthContext, id: string): Promise<CategoryRestrictionChangeResponse> {
    return this.decide(auth, id, 'rejected');
  }

  private async decide(auth: AuthContext, id: string, status: 'approved' | 'rejected'): Promise<CategoryRestrictionChangeResponse> {
    await this.dataSource.transaction(async (manager) => {
      const [change] = (await manager.query(
        `SELECT ${CHANGE_COLUMNS} FROM category_restriction_change ch JOIN incident_category c ON c.id = ch.category_id
          WHERE ch.tenant_id = $1 AND ch.id = $2 FOR UPDATE OF ch, c`,
        [auth.tenantId, id],
      )) as ChangeRow[];
      const roles = approverRolesOf(auth);
      const visible = change && (roles.includes(change.approver_role) || auth.permissions.has(PERMISSIONS.incidentsConfigure));
      if (!change || !visible) throw new DomainException('CATEGORY_RESTRICTION_CHANGE_NOT_FOUND', 'Restriction change not found');
      if (!roles.includes(change.approver_role))
        throw new DomainException('FORBIDDEN', `Only the ${change.approver_role} may decide this change`);
      if (change.proposed_by_user_id === auth.userId)
        throw new DomainException('CATEGORY_RESTRICTION_SELF_APPROVAL', 'You cannot decide a change you proposed yourself');
      if (change.status !== 'pending')
        throw new DomainException('CATEGORY_RESTRICTION_CHANGE_NOT_PENDING', 'The change is already decided');
      await manager.query(
        `UPDATE category_restriction_change SET status = $3, decided_by_user_id = $4, decided_at = now(), updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
        [auth.tenantId, id, status, auth.userId],
      );
      await this.audit.record<{ status: CategoryRestrictionChangeStatus }>(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { status },
        before: { status: change.status },
        entityId: id,
        entityType: ENTITY,
        tenantId: auth.tenantId,
      });
      await this.accessLog.record(manager, {
        actorUserId: auth.userId,
        entityIds: [id],
        entityType: ENTITY,
        purpose: status === 'approved' ? 'approve' : 'reject',
        tenantId: auth.tenantId,
      });
      if (status === 'approved') {
        // Applies what was approved: the restriction the proposal replaced becomes the proposed one.
        await manager.query(
          `UPDATE incident_category SET restriction = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND restriction = $4`,
          [auth.tenantId, change.category_id, change.to_restriction, change.from_restriction],
        );
        await this.audit.record<{ restriction: CategoryRestriction; restrictionChangeId: string | null }>(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after: { restriction: change.to_restriction, restrictionChangeId: id },
          before: { restriction: change.from_restriction, restrictionChangeId: null },
          entityId: change.category_id,
          entityType: 'incident_category',
          tenantId: auth.tenantId,
        });
      }
    });
    const [row] = (await this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS} FROM category_restriction_change ch JOIN incident_category c ON c.id = ch.category_id
        WHERE ch.tenant_id = $1 AND ch.id = $2`,
      [auth.tenantId, id],
    )) as ChangeRow[];
    const [response] = await this.toResponses(auth, row ? [row] : []);
    if (!response) throw new DomainException('CATEGORY_RESTRICTION_CHANGE_NOT_FOUND', 'Restriction change not found');
    return response;
  }

  private async toResponses(auth: AuthContext, rows: ChangeRow[]): Promise<CategoryRestrictionChangeResponse[]> {
    const names = await this.users.refs(
      auth.tenantId,
      rows.flatMap((row) => [row.proposed_by_user_id, ...(row.decided_by_user_id ? [row.decided_by_user_id] : [])]),
    );
    const ref = (userId: string) => ({ id: userId, name: names.get(userId)?.name ?? '' });
    const roles = approverRolesOf(auth);
    return rows.map((row) => ({
      approverRole: row.approver_role,
      canDecide: row.status === 'pending' && roles.includes(row.approver_role) && row.proposed_by_user_id !== auth.userId,
      category: { code: row.code, id: row.category_id, label: row.label },
      decidedAt: row.decided_at?.toISOString() ?? null,
      decidedBy: row.decided_by_user_id ? ref(row.decided_by_user_id) : null,
      fromRestriction: row.from_restriction,
      id: row.id,
      proposedAt: row.created_at.toISOString(),
      proposedBy: ref(row.proposed_by_user_id),
      status: row.status,
      toRestriction: row.to_restriction,
    }));
  }
}

/** The approver roles the caller holds today (anywhere in the municipality). */
const approverRolesOf = (auth: AuthContext): RestrictionApproverRole[] =>
  (['dpo', 'hms_advisor'] as const).filter((role) => auth.grants.some((grant) => grant.role === role));
