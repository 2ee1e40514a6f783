import type { IncidentResponse } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { AccessLogService } from '../access-log/access-log.service';
import type { Attachment } from '../attachments/attachment.entity';
import { AttachmentStore } from '../attachments/attachment-store';
import type { AuthContext } from '../auth/auth-context';
import type { EntityRow } from '../core/database/entity-row';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { incidentAccess } from './incident-access';
import { IncidentChangeService } from './incident-change.service';
import { attachmentProblems, safeFileName, type UploadedFile } from './incident-rules';

/** Files added to a case after filing (all stored, or none), and the access-logged download. */
@Injectable()
export class IncidentAttachmentsService {
  private readonly logger = new Logger(IncidentAttachmentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: IncidentChangeService,
    private readonly store: AttachmentStore,
    private readonly accessLog: AccessLogService,
  ) {}

  async add(auth: AuthContext, id: string, files: readonly UploadedFile[]): Promise<IncidentResponse> {
    if (files.length === 0) throw fieldProblems([{ field: 'files', reasons: ['choose at least one file'] }]);
    const problems = attachmentProblems(files);
    if (problems.length > 0) throw fieldProblems(problems);
    const staged: Awaited<ReturnType<AttachmentStore['stage']>>[] = [];
    let response: IncidentResponse;
    try {
      response = await this.changes.record(auth, id, 'handle', async (manager, incident) => {
        for (const [index, file] of files.entries()) {
          const stored = await this.store.stage(auth.tenantId, file.buffer);
          staged.push(stored);
          await manager.query(
            `INSERT INTO attachment (tenant_id, incident_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              auth.tenantId,
              id,
              safeFileName(file.originalname),
              file.mimetype,
              stored.sizeBytes,
              stored.sha256,
              stored.storageKey,
              auth.userId,
            ],
          );
          await this.changes.event(manager, incident, auth.userId, {
            details: { fileName: safeFileName(file.originalname), index },
            type: 'attachment',
          });
        }
      });
    } catch (error) {
      // `record` may fail after its commit (reading the answer): only files whose rows are not there are discarded.
      await this.discardUncommitted(staged);
      throw error;
    }
    // Moved only after the commit. A crash before the move leaves staging files, which the maintenance job moves
    // into place (their rows exist); a failed move is left to it as well.
    const failed = await this.store.commitAll(staged);
    if (failed > 0) this.logger.warn({ failed, incidentId: id, msg: 'attachment files left in staging; maintenance moves them' });
    return response;
  }

  private async discardUncommitted(staged: readonly { stagedPath: string; storageKey: string }[]): Promise<void> {
    if (staged.length === 0) return;
    const rows = (await this.dataSource
      .query(`SELECT storage_key FROM attachment WHERE storage_key = ANY($1::text[])`, [staged.map((file) => file.storageKey)])
      .catch(() => null)) as { storage_key: string }[] | null;
    // Database unreachable: keep them; the maintenance job decides once it can see the table.
    if (!rows) return;
    const committed = new Set(rows.map((row) => row.storage_key));
    await Promise.all(staged.map((file) => (committed.has(file.storageKey) ? this.store.commit(file) : this.store.discard(file))));
  }

  /** Opens an attachment the caller may see (case staff only); the download is access-logged. */
  async open(auth: AuthContext, id: string, attachmentId: string) {
    const access = incidentAccess(auth, 4);
    const [row] = (await this.dataSource.query(
      `SELECT a.file_name, a.content_type, a.size_bytes, a.storage_key, a.sha256
         FROM attachment a JOIN incident i ON i.id = a.incident_id JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.tenant_id = $1 AND i.id = $2 AND a.id = $3 AND ${access.staff}`,
      [auth.tenantId, id, attachmentId, ...access.params],
    )) as EntityRow<Attachment, 'contentType' | 'fileName' | 'sha256' | 'sizeBytes' | 'storageKey'>[];
    if (!row) throw new DomainException('NOT_FOUND', 'Attachment not found');
    await this.accessLog.record(this.dataSource.manager, {
      actorUserId: auth.userId,
      entityIds: [attachmentId],
      entityType: 'attachment',
      purpose: 'download',
      tenantId: auth.tenantId,
    });
    return {
      contentType: row.content_type,
      fileName: row.file_name,
      sha256: row.sha256,
      sizeBytes: row.size_bytes,
      stream: this.store.open(row.storage_key),
    };
  }
}
