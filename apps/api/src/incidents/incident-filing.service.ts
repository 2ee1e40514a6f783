import { createHash, randomBytes, randomUUID } from 'node:crypto';

import {
  acknowledgeDeadline,
  closeDeadline,
  effectiveLeaders,
  type IncidentDeadlinePolicy,
  isInFuture,
  type ManagementLineEntry,
  occurredAtProblem,
  receiptCodeFromBytes,
  requiredNotifications,
  severityFields,
  type SeverityPolicy,
  severityProblems,
  worstSeverity,
  zonedDate,
} from '@helhet/domain';
import type { FieldError, FileIncidentResponse, OrgLevelType } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AttachmentStore } from '../attachments/attachment-store';
import { diffRecords } from '../audit-log/audit-diff.util';
import type { AuthContext } from '../auth/auth-context';
import type { EntityRow } from '../core/database/entity-row';
import { firstRow } from '../core/database/first-row.util';
import { fieldProblems } from '../core/http/domain.exception';
import { currentRequestId } from '../core/logging/request-context';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { ManagementLineReader } from '../organisation/management-line.reader';
import { OrgDirectory } from '../organisation/org-directory';
import { UserDirectory, type UserStatus } from '../users/user-directory';
import type { FileIncidentDto } from './dto/file-incident.dto';
import type { IncidentCategory } from './entities/incident-category.entity';
import { FilingIdempotency } from './incident-filing-idempotency';
import { attachmentProblems, safeFileName, type UploadedFile } from './incident-rules';
import { IncidentSubRecordsService } from './incident-sub-records.service';
import { receiptHash } from './incidents.query';
import { IncidentFiledProducer } from './jobs/incident-filed.producer';
import { ReporterIdentityService } from './reporter-identity/reporter-identity.service';

type CategoryRow = EntityRow<IncidentCategory, 'active' | 'code' | 'hasSeverity' | 'id' | 'label' | 'parentId' | 'restriction'>;

interface FilingReads {
  category: CategoryRow | undefined;
  subcategory: EntityRow<IncidentCategory, 'active' | 'parentId'> | undefined;
  unitActive: boolean;
  injuredUser: UserStatus | null;
  deadlines: IncidentDeadlinePolicy;
  severities: SeverityPolicy;
  line: ManagementLineEntry<OrgLevelType>[];
}

/**
 * Files an avvik: validates everything first, then writes the case, its history, sub-records,
 * legal checklist, attachments and audit row in one transaction with a gap-free number. An anonymous
 * report stores no trace of the reporter: not in the row, the history, the audit log or the logs.
 */
@Injectable()
export class IncidentFilingService {
  private readonly logger = new Logger(IncidentFilingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lines: ManagementLineReader,
    private readonly settings: TenantSettingsService,
    private readonly store: AttachmentStore,
    private readonly filed: IncidentFiledProducer,
    private readonly reporterIdentity: ReporterIdentityService,
    private readonly subRecords: IncidentSubRecordsService,
    private readonly users: UserDirectory,
    private readonly org: OrgDirectory,
  ) {}

  /**
   * `idempotencyKey` (header `Idempotency-Key`): the same key again, with the same payload, answers the first
   * filing's response and writes nothing; with another payload it is a 422 (incident-filing-idempotency.ts).
   */
  async file(
    auth: AuthContext,
    dto: FileIncidentDto,
    files: readonly UploadedFile[] = [],
    idempotencyKey?: string,
  ): Promise<FileIncidentResponse> {
    const fileErrors = attachmentProblems(files);
    if (fileErrors.length > 0) throw fieldProblems(fileErrors);
    const anonymous = dto.reporterVisibility === 'anonymous';
    const now = new Date();
    const staged: { stagedPath: string; storageKey: string; sha256: string; sizeBytes: number; file: UploadedFile }[] = [];
    const idempotency = idempotencyKey
      ? new FilingIdempotency(
          auth,
          idempotencyKey,
          dto,
          files.map((file) => createHash('sha256').update(file.buffer).digest('hex')),
        )
      : null;
    let result: { id: string; number: string; receiptCode: string | null } | { replay: FileIncidentResponse };
    try {
      // Everything filing reads, in parallel and before the transaction (each statement reads committed data either
      // way): the transaction then holds a connection only for its writes.
      const read = await this.read(auth, dto);
      result = await this.dataSource.transaction(async (manager) => {
        const replay = await idempotency?.claim(manager);
        if (replay) return { replay };
        const category = this.validate(read, dto, now);
        for (const file of files) staged.push({ ...(await this.store.stage(auth.tenantId, file.buffer)), file });

        const { deadlines: policy, line, severities: severityPolicy } = read;
        const responsible = effectiveLeaders(line)[0] ?? null;
        const severity = category.has_severity ? worstSeverity(dto.severityActual, dto.severityPotential) : null;
        const receiptCode = anonymous ? receiptCodeFromBytes(randomBytes(16)) : null;
        // Named: the reporter's id. Hidden from the handler: only sealed (its id as associated data) and a lookup pseudonym. Anonymous: nothing.
        const incidentId = randomUUID();
        const reporterUserId = dto.reporterVisibility === 'named' ? auth.userId : null;
        const sealed =
          dto.reporterVisibility === 'hidden_from_handler'
            ? this.reporterIdentity.seal({ incidentId, tenantId: auth.tenantId }, auth.userId)
            : null;
        const year = Number(zonedDate(now).slice(0, 4));
        // The history names the reporter only when they chose to be named.
        const actor = dto.reporterVisibility === 'named' ? auth.userId : null;

        // The case and its `filed` event in one statement, under a placeholder number (NOT NULL, unique, never
        // committed: the last statement below replaces it). Sub-records and files follow; the number comes last.
        await manager.query(
          `WITH created AS (
             INSERT INTO incident (tenant_id, number, kind, category_id, subcategory_id, org_unit_id, occurred_at, reported_at, location,
               description, immediate_actions, severity_actual, severity_potential, affected_party_type, reporter_user_id, reporter_visibility,
               receipt_code_hash, responsible_user_id, handler_user_id, acknowledge_due_at, close_due_at, id, reporter_identity_ciphertext, reporter_lookup)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20, $21, $22, $23) RETURNING id
           )
           INSERT INTO incident_event (tenant_id, incident_id, type, to_status, actor_user_id)
           SELECT $1, created.id, 'filed', 'registered', $24 FROM created`,
          [
            auth.tenantId,
            pendingNumber(incidentId),
            dto.kind,
            dto.categoryId,
            dto.subcategoryId ?? null,
            dto.orgUnitId,
            new Date(dto.occurredAt),
            now,
            dto.location ?? null,
            dto.description,
            dto.immediateActions ?? null,
            category.has_severity ? (dto.severityActual ?? null) : null,
            category.has_severity ? (dto.severityPotential ?? null) : null,
            dto.affectedPartyType,
            reporterUserId,
            dto.reporterVisibility,
            receiptCode ? receiptHash(receiptCode) : null,
            responsible,
            acknowledgeDeadline(now, severity, policy, severityPolicy),
            closeDeadline(now, severity, policy),
            incidentId,
            sealed?.ciphertext ?? null,
            sealed?.lookup ?? null,
            actor,
          ],
        );
        const id = incidentId;
        if (dto.injury) await this.subRecords.insertInjury(manager, auth.tenantId, id, dto.injury);
        if (dto.breach) await this.subRecords.insertBreach(manager, auth.tenantId, id, dto.breach);
        const required = requiredNotifications({
          affectedPartyType: dto.affectedPartyType,
          breach: dto.breach ? { discoveredAt: new Date(dto.breach.discoveredAt), riskAssessment: dto.breach.riskAssessment } : null,
          categoryCode: category.code,
          reportedAt: now,
          restriction: category.restriction,
          severityActual: dto.severityActual ?? null,
          severityPotential: dto.severityPotential ?? null,
        });
        if (required.length > 0) {
          await manager.query(
            `INSERT INTO external_notification (tenant_id, incident_id, recipient, legal_basis, deadline_at)
             SELECT $1, $2, item.recipient, item.legal_basis, item.deadline_at
               FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS item (recipient, legal_basis, deadline_at)`,
            [
              auth.tenantId,
              id,
              required.map((item) => item.recipient),
              required.map((item) => item.legalBasis),
              required.map((item) => item.deadlineAt),
            ],
          );
        }
        if (staged.length > 0) {
          await manager.query(
            `INSERT INTO attachment (tenant_id, incident_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
             SELECT $1, $2, file.file_name, file.content_type, file.size_bytes, file.sha256, file.storage_key, $8
               FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[])
                 AS file (file_name, content_type, size_bytes, sha256, storage_key)`,
            [
              auth.tenantId,
              id,
              staged.map((file) => safeFileName(file.file.originalname)),
              staged.map((file) => file.file.mimetype),
              staged.map((file) => file.sizeBytes),
              staged.map((file) => file.sha256),
              staged.map((file) => file.storageKey),
              actor,
            ],
          );
        }
        // Last: the number. One statement takes it from the tenant's counter row (locked from here to COMMIT, so
        // concurrent filings queue only for this statement and the commit), sets it on the case and writes the
        // audit row with it (audit-log.service.ts's row, built here so that it needs no further round trip).
        const number = await this.numberAndAudit(manager, {
          actorUserId: actor,
          after: {
            categoryId: dto.categoryId,
            kind: dto.kind,
            number: pendingNumber(incidentId),
            orgUnitId: dto.orgUnitId,
            reporterVisibility: dto.reporterVisibility,
            status: 'registered',
          },
          incidentId: id,
          tenantId: auth.tenantId,
          year,
        });
        await idempotency?.complete(manager, { id: anonymous ? null : id, number, receiptCode });
        return { id, number, receiptCode };
      });
    } catch (error) {
      // Nothing committed: no row points at these files.
      await Promise.all(staged.map((file) => this.store.discard(file)));
      throw error;
    }
    if ('replay' in result) return result.replay;
    // Moved into place only after the commit; a crash before the move (or a failed move) leaves staging files that
    // the maintenance job moves once it sees their rows.
    const failed = await this.store.commitAll(staged);
    if (failed > 0) this.logger.warn({ failed, incidentId: result.id, msg: 'attachment files left in staging; maintenance moves them' });
    // Returns at once even while Redis is away (fails fast or times out); the outbox sweep enqueues it later.
    await this.filed.enqueue({ incidentId: result.id, tenantId: auth.tenantId });
    return { id: anonymous ? null : result.id, number: result.number, receiptCode: result.receiptCode };
  }

  /** What filing reads: category, sub-category, unit, injured user, settings and management line, all at once. */
  private async read(auth: AuthContext, dto: FileIncidentDto): Promise<FilingReads> {
    const manager = this.dataSource.manager;
    const { tenantId } = auth;
    const [[category], [subcategory], unitActive, injuredUser, deadlines, severities, { line }] = await Promise.all([
      manager.query(
        `SELECT id, code, parent_id, restriction, has_severity, active, label FROM incident_category WHERE tenant_id = $1 AND id = $2`,
        [tenantId, dto.categoryId],
      ) as Promise<CategoryRow[]>,
      dto.subcategoryId
        ? (manager.query(`SELECT parent_id, active FROM incident_category WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            dto.subcategoryId,
          ]) as Promise<EntityRow<IncidentCategory, 'active' | 'parentId'>[]>)
        : Promise.resolve([]),
      this.org.isActive(tenantId, dto.orgUnitId, manager),
      dto.injury?.injuredUserId ? this.users.status(tenantId, dto.injury.injuredUserId, manager) : Promise.resolve(null),
      this.settings.incidentDeadlines(manager, tenantId),
      this.settings.incidentSeverities(manager, tenantId),
      this.lines.forUnit(manager, tenantId, dto.orgUnitId),
    ]);
    return { category, deadlines, injuredUser, line, severities, subcategory, unitActive };
  }

  /** Every rule class-validator cannot check, on what `read` found; throws one 400 naming all offending fields. */
  private validate(read: FilingReads, dto: FileIncidentDto, now: Date): CategoryRow {
    const problems: FieldError[] = [];
    const fail = (field: string, reason: string) => problems.push({ field, reasons: [reason] });
    const { category, severities: levels, subcategory: sub } = read;
    if (!category || !category.active || category.parent_id !== null) fail('categoryId', 'unknown category');
    if (dto.subcategoryId) {
      if (!sub || !sub.active || sub.parent_id !== dto.categoryId) fail('subcategoryId', 'not a sub-category of the chosen category');
    }
    if (!read.unitActive) fail('orgUnitId', 'unknown or closed unit');
    const occurred = occurredAtProblem(new Date(dto.occurredAt), now);
    if (occurred === 'future') fail('occurredAt', 'must not be in the future');
    if (occurred === 'tooOld') fail('occurredAt', 'must be within the last ten years');
    const hasSeverity = category?.has_severity ?? null;
    for (const problem of severityProblems(dto.kind, hasSeverity, dto.severityActual, dto.severityPotential))
      fail(problem.field, problem.reason);
    const severityApplies = severityFields(dto.kind, hasSeverity).potential;
    if (severityApplies && (dto.severityActual || dto.severityPotential)) {
      // Levels the tenant switched off are not offered (severity-policy.ts); old cases keep theirs.
      if (dto.severityActual && !levels[dto.severityActual].active) fail('severityActual', 'this severity level is not in use');
      if (dto.severityPotential && !levels[dto.severityPotential].active) fail('severityPotential', 'this severity level is not in use');
    }
    if (dto.injury) {
      if (category && category.restriction !== 'injury') fail('injury', 'only injury and violence cases have an injury record');
      if (dto.injury.medicalInfo && !dto.injury.medicalInfoConsent)
        fail('injury.medicalInfo', 'medical information requires the injured person’s consent');
      if (dto.injury.injuredUserId) {
        // Any user of the tenant, active or not.
        if (read.injuredUser === 'unknown') fail('injury.injuredUserId', 'unknown user');
      }
    }
    if (dto.breach) {
      if (category && category.restriction !== 'infosec') fail('breach', 'only information-security cases have a breach record');
      if (isInFuture(new Date(dto.breach.discoveredAt), now)) fail('breach.discoveredAt', 'must not be in the future');
    }
    if (problems.length > 0 || !category) throw fieldProblems(problems);
    return category;
  }

  /**
   * Takes the next number of the year from the tenant's counter row, sets it on the case in place of its placeholder
   * and writes the case's `create` audit row with it, in one statement. The counter row stays locked until this
   * transaction ends, so numbers never repeat or skip (ADR 8); as this is the transaction's last write but one (the
   * Idempotency-Key answer), concurrent filings wait for it only briefly.
   */
  private async numberAndAudit(
    manager: EntityManager,
    entry: { tenantId: string; actorUserId: string | null; incidentId: string; year: number; after: Record<string, unknown> },
  ): Promise<string> {
    const changes = diffRecords(null, entry.after);
    const numberAt = changes.findIndex((change) => change.field === 'number');
    const row = firstRow(
      (await manager.query(
        `WITH next AS (
           INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, 1)
           ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = incident_number_counter.last_value + 1 RETURNING last_value
         ), numbered AS (
           UPDATE incident SET number = $8 || '-' || lpad(next.last_value::text, greatest(6, length(next.last_value::text)), '0')
             FROM next WHERE incident.tenant_id = $1 AND incident.id = $3 RETURNING incident.id, incident.number
         ), audited AS (
           INSERT INTO audit_log_entry (tenant_id, actor_user_id, action, entity_type, entity_id, changes, request_id)
           SELECT $1, $4, 'create', 'incident', numbered.id, jsonb_set($5::jsonb, ARRAY[$6::text, 'new'], to_jsonb(numbered.number)), $7
             FROM numbered
         )
         SELECT number FROM numbered`,
        [
          entry.tenantId,
          entry.year,
          entry.incidentId,
          entry.actorUserId,
          JSON.stringify(changes),
          String(numberAt),
          currentRequestId(),
          String(entry.year),
        ],
      )) as { number: string }[],
      'incident',
    );
    return row.number;
  }
}

/**
 * What `incident.number` holds between the case's insert and its numbering, inside the filing transaction only:
 * unique per case (part of its id), 20 characters like the column, and never the shape of a number (YYYY-NNNNNN).
 */
const pendingNumber = (incidentId: string): string => `pending-${incidentId.replaceAll('-', '').slice(0, 12)}`;
