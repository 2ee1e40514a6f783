import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { EntityRow } from '../../core/database/entity-row';
import type { Incident } from '../entities/incident.entity';
import { ReporterIdentityService } from './reporter-identity.service';

const CHUNK = 1000;
/** The checks migration EncryptHiddenReporters adds NOT VALID when it leaves legacy rows behind. */
const CHECKS = ['CHK_incident_reporter_named', 'CHK_incident_reporter_hidden'] as const;

type LegacyRow = EntityRow<Incident, 'id' | 'reporterUserId' | 'tenantId'>;

/**
 * Seals the reporters of avvik filed hidden before reporter identities were encrypted (ADR 0014): migration
 * EncryptHiddenReporters has no key, so it leaves those rows in their old state (hidden, plain `reporter_user_id`,
 * no ciphertext) with the reporter checks NOT VALID. At boot the API seals them with the configured key and then
 * validates the checks. Idempotent: with nothing left it costs two small queries; concurrent instances serialise
 * on an advisory lock.
 */
@Injectable()
export class LegacyReporterSealing implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyReporterSealing.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reporterIdentity: ReporterIdentityService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  /** Seals every legacy row and validates the checks; returns how many rows it sealed. */
  async run(): Promise<number> {
    const unvalidated = (await this.dataSource.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'incident'::regclass AND conname = ANY($1) AND NOT convalidated`,
      [CHECKS],
    )) as { conname: string }[];
    if (unvalidated.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('helhet:legacy-reporter-sealing'))`);
      const rows = (await manager.query(
        `SELECT id, tenant_id, reporter_user_id FROM incident
          WHERE reporter_visibility = 'hidden_from_handler' AND reporter_user_id IS NOT NULL AND reporter_identity_ciphertext IS NULL`,
      )) as LegacyRow[];
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows
          .slice(start, start + CHUNK)
          .flatMap((row) => (row.reporter_user_id ? [{ ...row, reporter: row.reporter_user_id }] : []));
        const sealed = chunk.map((row) => this.reporterIdentity.seal({ incidentId: row.id, tenantId: row.tenant_id }, row.reporter));
        await manager.query(
          `UPDATE incident i SET reporter_identity_ciphertext = t.sealed, reporter_lookup = t.lookup, reporter_user_id = NULL
             FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS t(id, sealed, lookup) WHERE i.id = t.id`,
          [chunk.map((row) => row.id), sealed.map((s) => s.ciphertext), sealed.map((s) => s.lookup)],
        );
      }
      for (const { conname } of unvalidated) await manager.query(`ALTER TABLE incident VALIDATE CONSTRAINT "${conname}"`);
      this.logger.log({
        msg: 'sealed reporters of legacy hidden avvik',
        sealed: rows.length,
        validated: unvalidated.map((c) => c.conname),
      });
      return rows.length;
    });
  }
}
