import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A notification about a user (a role that opens case content was granted, ADR 0015) links to that user's page. */
export class AddNotificationSubjectUser1795895000000 implements MigrationInterface {
  name = 'AddNotificationSubjectUser1795895000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "subject_user_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "subject_user_id"`);
  }
}
