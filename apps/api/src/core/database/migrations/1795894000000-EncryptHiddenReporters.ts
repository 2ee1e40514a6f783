import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  deriveReporterIdentityKeys,
  openReporterId,
  REPORTER_IDENTITY_KEY_MESSAGE,
  reporterLookup,
  sealReporterId,
} from '../../../incidents/reporter-identity/reporter-identity.crypto';

const EVENT_TYPES_BEFORE = `'filed', 'transition', 'comment', 'escalated', 'notified', 'measure', 'external_notification', 'attachment'`;
const EVENT_TYPES_AFTER = `${EVENT_TYPES_BEFORE}, 'reporter_revealed'`;
const PURPOSES_BEFORE = `'read', 'download', 'export'`;
const PURPOSES_AFTER = `'read', 'list', 'download', 'export', 'reveal'`;
const CHUNK = 1000;

/**
 * Migrations run outside the Nest app (the seed CLI, `npm run migration:run`, the test set-up), so the key is read
 * from the environment here, with the same rule as the app's validation. It is needed only when there are rows
 * to convert; a fresh database migrates without it. There is deliberately no fallback key: identities sealed with
 * a key the app does not have could never be opened, and a well-known key protects nothing.
 */
const keysFor = (rows: number) => {
  const secret = process.env['REPORTER_IDENTITY_KEY'];
  if (!secret)
    throw new Error(
      `${rows} avvik hidden from the handler must be encrypted: set REPORTER_IDENTITY_KEY (the app's key) and migrate again. ${REPORTER_IDENTITY_KEY_MESSAGE}`,
    );
  return deriveReporterIdentityKeys(secret);
};

/**
 * Avvik hidden from the handler no longer keep the reporter in plain text (domain.md §3.5, ADR 8): the id is sealed
 * (AES-256-GCM) in `reporter_identity_ciphertext` and found by `reporter_lookup` (HMAC); existing rows are
 * converted. Also: the case-history event of a break-glass reveal, and access-log purposes `list` and `reveal`
 * with a reason.
 */
export class EncryptHiddenReporters1795894000000 implements MigrationInterface {
  name = 'EncryptHiddenReporters1795894000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "reporter_identity_ciphertext" bytea`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "reporter_lookup" bytea`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "CHK_incident_anonymous_has_no_reporter"`);

    const hidden = (await queryRunner.query(
      `SELECT id, tenant_id, reporter_user_id FROM "incident" WHERE "reporter_visibility" = 'hidden_from_handler' AND "reporter_user_id" IS NOT NULL`,
    )) as { id: string; tenant_id: string; reporter_user_id: string }[];
    if (hidden.length > 0) {
      const keys = keysFor(hidden.length);
      for (let start = 0; start < hidden.length; start += CHUNK) {
        const chunk = hidden.slice(start, start + CHUNK);
        await queryRunner.query(
          `UPDATE "incident" i SET "reporter_identity_ciphertext" = t.sealed, "reporter_lookup" = t.lookup, "reporter_user_id" = NULL
             FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS t(id, sealed, lookup) WHERE i.id = t.id`,
          [
            chunk.map((row) => row.id),
            chunk.map((row) => sealReporterId(keys, { incidentId: row.id, tenantId: row.tenant_id }, row.reporter_user_id)),
            chunk.map((row) => reporterLookup(keys, row.tenant_id, row.reporter_user_id)),
          ],
        );
      }
    }

    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_reporter_named" CHECK (("reporter_visibility" = 'named') = ("reporter_user_id" IS NOT NULL))
        `);
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_reporter_hidden" CHECK (
                ("reporter_visibility" = 'hidden_from_handler') = ("reporter_lookup" IS NOT NULL AND "reporter_identity_ciphertext" IS NOT NULL)
                AND ("reporter_lookup" IS NULL) = ("reporter_identity_ciphertext" IS NULL)
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_anonymous_has_no_reporter" CHECK (
                "reporter_visibility" <> 'anonymous'
                OR ("reporter_user_id" IS NULL AND "reporter_lookup" IS NULL AND "reporter_identity_ciphertext" IS NULL)
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_incident_tenant_reporter_lookup" ON "incident" ("tenant_id", "reporter_lookup")`);

    await queryRunner.query(`ALTER TABLE "incident_event" DROP CONSTRAINT "CHK_incident_event_type"`);
    await queryRunner.query(
      `ALTER TABLE "incident_event" ADD CONSTRAINT "CHK_incident_event_type" CHECK ("type" IN (${EVENT_TYPES_AFTER}))`,
    );

    await queryRunner.query(`ALTER TABLE "access_log_entry" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP CONSTRAINT "CHK_access_log_entry_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "access_log_entry" ADD CONSTRAINT "CHK_access_log_entry_purpose" CHECK ("purpose" IN (${PURPOSES_AFTER}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The access log is append-only and the history keeps what happened: the narrower checks come back NOT VALID.
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP CONSTRAINT "CHK_access_log_entry_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "access_log_entry" ADD CONSTRAINT "CHK_access_log_entry_purpose" CHECK ("purpose" IN (${PURPOSES_BEFORE})) NOT VALID`,
    );
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "incident_event" DROP CONSTRAINT "CHK_incident_event_type"`);
    await queryRunner.query(
      `ALTER TABLE "incident_event" ADD CONSTRAINT "CHK_incident_event_type" CHECK ("type" IN (${EVENT_TYPES_BEFORE})) NOT VALID`,
    );

    await queryRunner.query(`DROP INDEX "IDX_incident_tenant_reporter_lookup"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "CHK_incident_anonymous_has_no_reporter"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "CHK_incident_reporter_hidden"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "CHK_incident_reporter_named"`);
    const sealed = (await queryRunner.query(
      `SELECT id, tenant_id, reporter_identity_ciphertext FROM "incident" WHERE "reporter_identity_ciphertext" IS NOT NULL`,
    )) as { id: string; tenant_id: string; reporter_identity_ciphertext: Buffer }[];
    if (sealed.length > 0) {
      const keys = keysFor(sealed.length);
      for (let start = 0; start < sealed.length; start += CHUNK) {
        const chunk = sealed.slice(start, start + CHUNK);
        await queryRunner.query(
          `UPDATE "incident" i SET "reporter_user_id" = t.user_id FROM unnest($1::uuid[], $2::uuid[]) AS t(id, user_id) WHERE i.id = t.id`,
          [
            chunk.map((row) => row.id),
            chunk.map((row) => openReporterId(keys, { incidentId: row.id, tenantId: row.tenant_id }, row.reporter_identity_ciphertext)),
          ],
        );
      }
    }
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "reporter_lookup"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "reporter_identity_ciphertext"`);
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_anonymous_has_no_reporter" CHECK ("reporter_visibility" <> 'anonymous' OR "reporter_user_id" IS NULL)
        `);
  }
}
