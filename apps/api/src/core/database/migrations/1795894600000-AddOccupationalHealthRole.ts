import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'employee', 'department_leader', 'unit_leader', 'sector_leader', 'executive', 'hms_advisor', 'quality_coordinator', 'preparedness_coordinator', 'safety_rep', 'dpo', 'infosec_lead', 'tenant_admin'`;
const ROLES_AFTER = `'employee', 'department_leader', 'unit_leader', 'sector_leader', 'executive', 'hms_advisor', 'quality_coordinator', 'preparedness_coordinator', 'safety_rep', 'occupational_health', 'dpo', 'infosec_lead', 'tenant_admin'`;

/** The occupational health service (bedriftshelsetjenesten, BHT) role: reads the injury register of the units it serves. */
export class AddOccupationalHealthRole1795894600000 implements MigrationInterface {
  name = 'AddOccupationalHealthRole1795894600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "CHK_role_assignment_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "CHK_role_assignment_role" CHECK ("role" IN (${ROLES_AFTER}))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "role_assignment" WHERE "role" = 'occupational_health'`);
    await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "CHK_role_assignment_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "CHK_role_assignment_role" CHECK ("role" IN (${ROLES_BEFORE}))`);
  }
}
