import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "Forgot password" links of local accounts: only the SHA-256 of the token is stored; single-use, 30 minutes. */
export class CreatePasswordResetTokens1795895300000 implements MigrationInterface {
  name = 'CreatePasswordResetTokens1795895300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_838af121380dfe3a6330e04f5bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_token_tenant_user" ON "password_reset_token" ("tenant_id", "user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_password_reset_token_hash" ON "password_reset_token" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "password_reset_token" ADD CONSTRAINT "FK_f5cc86798d37de87e84307528d6" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_reset_token" ADD CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d"`);
    await queryRunner.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "FK_f5cc86798d37de87e84307528d6"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_password_reset_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_token_tenant_user"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
  }
}
