import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key of avvik filing: one row per key (hashed with user and tenant), the first answer encrypted; purged after a day. */
export class CreateIncidentFilingRequests1795896700000 implements MigrationInterface {
  name = 'CreateIncidentFilingRequests1795896700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incident_filing_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key_hash" character varying(64) NOT NULL, "request_hash" character varying(64) NOT NULL, "response" text, CONSTRAINT "PK_67addaa2642a9d15a0cd7dafc66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_incident_filing_request_key" ON "incident_filing_request" ("tenant_id", "key_hash")`);
    await queryRunner.query(
      `ALTER TABLE "incident_filing_request" ADD CONSTRAINT "FK_e4911c1250ba61fb5bfecb7e7e8" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_filing_request" DROP CONSTRAINT "FK_e4911c1250ba61fb5bfecb7e7e8"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_incident_filing_request_key"`);
    await queryRunner.query(`DROP TABLE "incident_filing_request"`);
  }
}
