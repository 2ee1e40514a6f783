import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-tenant single sign-on with OpenID Connect (ADR 0016). */
export class CreateTenantSsoSettings1795896100000 implements MigrationInterface {
  name = 'CreateTenantSsoSettings1795896100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tenant_sso_settings" ("tenant_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "provider" character varying(20) NOT NULL DEFAULT 'generic', "issuer_url" character varying(500) NOT NULL, "client_id" character varying(200) NOT NULL, "client_secret_sealed" bytea, "scopes" character varying(500) NOT NULL DEFAULT 'openid email profile', "match_by" character varying(20) NOT NULL DEFAULT 'email', "match_claim" character varying(100) NOT NULL DEFAULT 'email', "email_domains" character varying(253) array NOT NULL DEFAULT '{}', "local_passwords_disabled" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_tenant_sso_settings_match_by" CHECK ("match_by" IN ('email', 'employee_number')), CONSTRAINT "CHK_tenant_sso_settings_provider" CHECK ("provider" IN ('microsoft', 'generic')), CONSTRAINT "PK_tenant_sso_settings_tenant_id" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenant_sso_settings" ADD CONSTRAINT "FK_20df87c1179b7a6478d49b14c33" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenant_sso_settings"`);
  }
}
