import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENT_TYPES_BEFORE = `'filed', 'transition', 'comment', 'escalated', 'notified', 'measure', 'external_notification', 'attachment'`;
const EVENT_TYPES_AFTER = `${EVENT_TYPES_BEFORE}, 'reporter_revealed'`;
const PURPOSES_BEFORE = `'read', 'download', 'export'`;
const PURPOSES_AFTER = `'read', 'list', 'download', 'export', 'reveal'`;

/** Rows a migration cannot seal (it has no key, ADR 0014): hidden reports that still name their reporter in plain text. */
const LEGACY_HIDDEN = `"reporter_visibility" = 'hidden_from_handler' AND "reporter_user_id" IS NOT NULL AND "reporter_identity_ciphertext" IS NULL`;

/**
 * Avvik hidden from the handler no longer keep the reporter in plain text (domain.md §3.5, ADR 8): the id is sealed
 * (AES-256-GCM) in `reporter_identity_ciphertext` and found by `reporter_lookup` (HMAC). A migration is frozen history: it imports no live code and reads no configuration (ADR 0014), so it
 * cannot seal. Rows filed hidden before this migration keep their plain-text reporter for now and are left marked by
 * that state (hidden, reporter_user_id set, no ciphertext); the two reporter checks are then added NOT VALID, and the
 * API seals those rows with the configured key at boot and validates the checks (`legacy-reporter-sealing.ts`,
 * idempotent). A fresh database has no such rows and gets validated checks at once. Also: the case-history event of a break-glass reveal, and access-log purposes `list` and `reveal`
 * with a reason.
 */
export class EncryptHiddenReporters1795894000000 implements MigrationInterface {
  name = 'EncryptHiddenReporters1795894000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "reporter_identity_ciphertext" bytea`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "reporter_lookup" bytea`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "CHK_incident_anonymous_has_no_reporter"`);

    const [legacy] = (await queryRunner.query(`SELECT count(*)::int AS count FROM "incident" WHERE ${LEGACY_HIDDEN}`)) as {
      count: number;
    }[];
    const notValid = (legacy?.count ?? 0) > 0 ? ' NOT VALID' : '';
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_reporter_named" CHECK (("reporter_visibility" = 'named') = ("reporter_user_id" IS NOT NULL))${notValid}
        `);
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_reporter_hidden" CHECK (
                ("reporter_visibility" = 'hidden_from_handler') = ("reporter_lookup" IS NOT NULL AND "reporter_identity_ciphertext" IS NOT NULL)
                AND ("reporter_lookup" IS NULL) = ("reporter_identity_ciphertext" IS NULL)
            )${notValid}
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
    // Opening sealed identities needs the key, which a migration does not have: refuse rather than destroy them.
    const [sealed] = (await queryRunner.query(
      `SELECT count(*)::int AS count FROM "incident" WHERE "reporter_identity_ciphertext" IS NOT NULL`,
    )) as { count: number }[];
    if ((sealed?.count ?? 0) > 0)
      throw new Error(
        `${sealed?.count} avvik hold a sealed reporter identity; reverting would destroy them (a migration has no key to open them).`,
      );
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
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "reporter_lookup"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "reporter_identity_ciphertext"`);
    await queryRunner.query(`
            ALTER TABLE "incident"
            ADD CONSTRAINT "CHK_incident_anonymous_has_no_reporter" CHECK ("reporter_visibility" <> 'anonymous' OR "reporter_user_id" IS NULL)
        `);
  }
}
