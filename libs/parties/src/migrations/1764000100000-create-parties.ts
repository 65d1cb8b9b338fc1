import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateParties1764000100000 implements MigrationInterface {
  name = 'CreateParties1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'client',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'legal_name', type: 'varchar', length: '200' },
          { name: 'kvk_number', type: 'varchar', length: '8', isNullable: true },
          { name: 'country', type: 'varchar', length: '2' },
          { name: 'language', type: 'varchar', length: '2' },
          { name: 'privacy_contact_name', type: 'varchar', length: '200' },
          { name: 'privacy_contact_email', type: 'varchar', length: '320' },
          { name: 'notice_recipients', type: types.json },
          { name: 'webhook_url', type: 'varchar', length: '2000', isNullable: true },
          { name: 'webhook_secret_sealed', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'ended_at', type: types.instant, isNullable: true },
          { name: 'created_at', type: types.instant },
          { name: 'updated_at', type: types.instant },
        ],
        checks: [
          { name: 'ck_client_language', expression: "language IN ('nl', 'en')" },
          { name: 'ck_client_status', expression: "status IN ('active', 'ended')" },
        ],
      }),
    );
    await queryRunner.createIndex('client', new TableIndex({ name: 'ix_client_created', columnNames: ['created_at', 'id'] }));
    await queryRunner.createIndex('client', new TableIndex({ name: 'ix_client_kvk', columnNames: ['kvk_number'] }));

    await queryRunner.createTable(
      new Table({
        name: 'processor_profile',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'legal_name', type: 'varchar', length: '200' },
          { name: 'kvk_number', type: 'varchar', length: '8', isNullable: true },
          { name: 'street_address', type: 'varchar', length: '200' },
          { name: 'postal_code', type: 'varchar', length: '20' },
          { name: 'city', type: 'varchar', length: '100' },
          { name: 'country', type: 'varchar', length: '2' },
          { name: 'contact_name', type: 'varchar', length: '200' },
          { name: 'contact_email', type: 'varchar', length: '320' },
          { name: 'contact_phone', type: 'varchar', length: '40', isNullable: true },
          { name: 'dpo_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'dpo_email', type: 'varchar', length: '320', isNullable: true },
          { name: 'default_breach_notice_hours', type: 'integer' },
          { name: 'default_subprocessor_authorisation', type: 'varchar', length: '10' },
          { name: 'default_objection_period_days', type: 'integer' },
          { name: 'measures', type: types.json },
          { name: 'nis2_entity', type: types.boolean },
          { name: 'updated_at', type: types.instant },
        ],
        checks: [
          { name: 'ck_processor_authorisation', expression: "default_subprocessor_authorisation IN ('general', 'specific')" },
          { name: 'ck_processor_breach_hours', expression: 'default_breach_notice_hours BETWEEN 1 AND 72' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('processor_profile');
    await queryRunner.dropTable('client');
  }
}
