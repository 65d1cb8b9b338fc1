import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableColumnTypes } from '../database/portable-types';

export class CreateIdempotencyRecords1764000000000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_record',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'credential_id', type: 'varchar', length: '200' },
          { name: 'key', type: 'varchar', length: '255' },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'response_status', type: 'integer', isNullable: true },
          { name: 'response_body', type: types.json, isNullable: true },
          { name: 'created_at', type: types.instant },
          { name: 'completed_at', type: types.instant, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'idempotency_record',
      new TableIndex({ name: 'uq_idempotency_credential_key', columnNames: ['credential_id', 'key'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_record');
  }
}
