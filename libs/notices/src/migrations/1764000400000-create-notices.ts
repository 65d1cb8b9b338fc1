import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateNotices1764000400000 implements MigrationInterface {
  name = 'CreateNotices1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notice',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'client_id', type: types.uuid },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'language', type: 'varchar', length: '2' },
          { name: 'subject', type: 'varchar', length: '500' },
          { name: 'text_body', type: 'text' },
          { name: 'html_body', type: 'text' },
          { name: 'data', type: types.json },
          { name: 'webhook_body', type: 'text' },
          { name: 'created_at', type: types.instant },
        ],
        foreignKeys: [{ name: 'fk_notice_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] }],
        checks: [{ name: 'ck_notice_language', expression: "language IN ('nl', 'en')" }],
      }),
    );
    await queryRunner.createIndex('notice', new TableIndex({ name: 'ix_notice_client_created', columnNames: ['client_id', 'created_at', 'id'] }));
    await queryRunner.createIndex('notice', new TableIndex({ name: 'ix_notice_created', columnNames: ['created_at', 'id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'notice_attachment',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'notice_id', type: types.uuid },
          { name: 'position', type: 'integer' },
          { name: 'filename', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'content_base64', type: 'text' },
        ],
        foreignKeys: [{ name: 'fk_notice_attachment_notice', columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex('notice_attachment', new TableIndex({ name: 'ix_notice_attachment_notice', columnNames: ['notice_id', 'position'] }));

    await queryRunner.createTable(
      new Table({
        name: 'notice_delivery',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'notice_id', type: types.uuid },
          { name: 'client_id', type: types.uuid },
          { name: 'notice_type', type: 'varchar', length: '40' },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'recipient', type: 'varchar', length: '2000' },
          { name: 'message_id', type: 'varchar', length: '200' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: types.instant, isNullable: true },
          { name: 'claim_token', type: 'varchar', length: '36', isNullable: true },
          { name: 'last_attempt_at', type: types.instant, isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'sent_at', type: types.instant, isNullable: true },
          { name: 'server_response', type: 'text', isNullable: true },
          { name: 'created_at', type: types.instant },
          { name: 'updated_at', type: types.instant },
        ],
        foreignKeys: [
          { name: 'fk_notice_delivery_notice', columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
          { name: 'fk_notice_delivery_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
        ],
        checks: [
          { name: 'ck_notice_delivery_channel', expression: "channel IN ('email', 'webhook')" },
          { name: 'ck_notice_delivery_state', expression: "state IN ('pending', 'sending', 'sent', 'failed', 'dead')" },
          // Only open deliveries are due; a sent or dead one never is.
          { name: 'ck_notice_delivery_due', expression: "(state IN ('sent', 'dead')) = (next_attempt_at IS NULL)" },
        ],
      }),
    );
    await queryRunner.createIndex('notice_delivery', new TableIndex({ name: 'uq_notice_delivery_message_id', columnNames: ['message_id'], isUnique: true }));
    await queryRunner.createIndex('notice_delivery', new TableIndex({ name: 'ix_notice_delivery_due', columnNames: ['next_attempt_at'] }));
    await queryRunner.createIndex('notice_delivery', new TableIndex({ name: 'ix_notice_delivery_notice', columnNames: ['notice_id'] }));
    await queryRunner.createIndex('notice_delivery', new TableIndex({ name: 'ix_notice_delivery_created', columnNames: ['created_at', 'id'] }));
    await queryRunner.createIndex('notice_delivery', new TableIndex({ name: 'ix_notice_delivery_client_created', columnNames: ['client_id', 'created_at', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notice_delivery');
    await queryRunner.dropTable('notice_attachment');
    await queryRunner.dropTable('notice');
  }
}
