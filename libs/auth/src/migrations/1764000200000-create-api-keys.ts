import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateApiKeys1764000200000 implements MigrationInterface {
  name = 'CreateApiKeys1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '10' },
          { name: 'client_id', type: types.uuid, isNullable: true },
          { name: 'created_by', type: 'varchar', length: '200' },
          { name: 'created_at', type: types.instant },
          { name: 'last_used_at', type: types.instant, isNullable: true },
          { name: 'revoked_at', type: types.instant, isNullable: true },
        ],
        foreignKeys: [{ name: 'fk_api_key_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] }],
        checks: [
          { name: 'ck_api_key_role', expression: "role IN ('admin', 'staff', 'dpo', 'client', 'ingest')" },
          // A client key is bound to exactly one client; no other key is.
          { name: 'ck_api_key_client_binding', expression: "(role = 'client') = (client_id IS NOT NULL)" },
        ],
      }),
    );
    await queryRunner.createIndex('api_key', new TableIndex({ name: 'uq_api_key_prefix', columnNames: ['prefix'], isUnique: true }));
    await queryRunner.createIndex('api_key', new TableIndex({ name: 'ix_api_key_created', columnNames: ['created_at', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_key');
  }
}
