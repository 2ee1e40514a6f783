import type { MigrationInterface, QueryRunner } from 'typeorm';

const PURPOSES_BEFORE = `'read', 'list', 'download', 'export', 'reveal'`;
const PURPOSES_AFTER = `'read', 'list', 'download', 'export', 'reveal', 'propose', 'approve', 'reject'`;

/**
 * Loosening an avvik category's restriction waits for approval (ADR 0015): the pending/approved/rejected changes, and
 * the access-log purposes that record them.
 */
export class CreateCategoryRestrictionChanges1795897500000 implements MigrationInterface {
  name = 'CreateCategoryRestrictionChanges1795897500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "category_restriction_change" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "category_id" uuid NOT NULL,
                "from_restriction" character varying(10) NOT NULL,
                "to_restriction" character varying(10) NOT NULL,
                "approver_role" character varying(20) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "proposed_by_user_id" uuid NOT NULL,
                "decided_by_user_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_category_restriction_change_approver" CHECK ("approver_role" IN ('dpo', 'hms_advisor')),
                CONSTRAINT "CHK_category_restriction_change_status" CHECK ("status" IN ('pending', 'approved', 'rejected')),
                CONSTRAINT "PK_2fb0879c2af3b0d16f4a145e5c4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_category_restriction_change_tenant_status" ON "category_restriction_change" ("tenant_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_category_restriction_change_pending" ON "category_restriction_change" ("category_id")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change"
            ADD CONSTRAINT "FK_3223ec1ee381490c6a9e27cd9ec" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change"
            ADD CONSTRAINT "FK_e89e189c69f469835fe569e7683" FOREIGN KEY ("category_id") REFERENCES "incident_category"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change"
            ADD CONSTRAINT "FK_9fd54add1c83dd0e6b3e51a57f4" FOREIGN KEY ("proposed_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change"
            ADD CONSTRAINT "FK_81152004fddb31281718f0e255a" FOREIGN KEY ("decided_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP CONSTRAINT "CHK_access_log_entry_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "access_log_entry" ADD CONSTRAINT "CHK_access_log_entry_purpose" CHECK ("purpose" IN (${PURPOSES_AFTER}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "access_log_entry" WHERE "purpose" IN ('propose', 'approve', 'reject')`);
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP CONSTRAINT "CHK_access_log_entry_purpose"`);
    await queryRunner.query(
      `ALTER TABLE "access_log_entry" ADD CONSTRAINT "CHK_access_log_entry_purpose" CHECK ("purpose" IN (${PURPOSES_BEFORE}))`,
    );
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change" DROP CONSTRAINT "FK_81152004fddb31281718f0e255a"
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change" DROP CONSTRAINT "FK_9fd54add1c83dd0e6b3e51a57f4"
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change" DROP CONSTRAINT "FK_e89e189c69f469835fe569e7683"
        `);
    await queryRunner.query(`
            ALTER TABLE "category_restriction_change" DROP CONSTRAINT "FK_3223ec1ee381490c6a9e27cd9ec"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_category_restriction_change_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_category_restriction_change_tenant_status"
        `);
    await queryRunner.query(`
            DROP TABLE "category_restriction_change"
        `);
  }
}
