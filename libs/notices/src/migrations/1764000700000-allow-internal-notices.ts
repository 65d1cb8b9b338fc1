import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal notices (breach deadline alerts to the incident handler and the DPO) have no client: `client_id`
 * becomes nullable on the notice and its deliveries. A client scope still filters on `client_id = :id`, so a
 * client never sees them. On SQLite `changeColumn` rebuilds the table (TypeORM turns foreign keys off around
 * migrations there); on PostgreSQL it is one ALTER per table.
 */
export class AllowInternalNotices1764000700000 implements MigrationInterface {
  name = 'AllowInternalNotices1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.setNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notice_delivery" WHERE "client_id" IS NULL`);
    await queryRunner.query(`DELETE FROM "notice_attachment" WHERE "notice_id" IN (SELECT "id" FROM "notice" WHERE "client_id" IS NULL)`);
    await queryRunner.query(`DELETE FROM "notice" WHERE "client_id" IS NULL`);
    await this.setNullable(queryRunner, false);
  }

  private async setNullable(queryRunner: QueryRunner, nullable: boolean): Promise<void> {
    for (const tableName of ['notice', 'notice_delivery']) {
      const table = await queryRunner.getTable(tableName);
      const column = table!.findColumnByName('client_id')!;
      const changed = column.clone();
      changed.isNullable = nullable;
      await queryRunner.changeColumn(table!, column, changed);
    }
  }
}
