import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, databaseKindOf, instantParameter, placeholder, TransactionRunner } from '@verwerker/platform';
import { EntityManager } from 'typeorm';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions } from '../audit.module-definition';
import { retentionCutoff } from './retention';

export interface PurgeResult {
  accessEntriesPurged: number;
  changeEntriesPurged: number;
  accessCutoff: Date;
  changeCutoff: Date;
}

/**
 * Erases the personal content of entries past retention and keeps what the chain needs (seq, hashes, client,
 * action, times), so verification still passes afterwards. The log tables refuse updates except inside this
 * transaction's purge permission.
 */
@Injectable()
export class RetentionPurgeService {
  private readonly logger = new Logger(RetentionPurgeService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
  ) {}

  async purge(): Promise<PurgeResult> {
    const now = this.clock.now();
    const accessCutoff = retentionCutoff(now, this.options.retention.accessMonths);
    const changeCutoff = retentionCutoff(now, this.options.retention.changeMonths);
    const result = await this.transactions.run(async (manager) => {
      await this.grantPurge(manager);
      const [p1, p2] = [placeholder(manager, 1), placeholder(manager, 2)];
      const accessEntriesPurged = await this.update(
        manager,
        `UPDATE access_log_entry SET staff_member_id = NULL, staff_member_name = NULL, reason = NULL, source_ip = NULL, session_id = NULL, purged_at = ${p1} WHERE started_at < ${p2} AND purged_at IS NULL`,
        [instantParameter(manager, now), instantParameter(manager, accessCutoff)],
      );
      const changeEntriesPurged = await this.update(
        manager,
        `UPDATE change_trail_entry SET actor_label = NULL, summary = NULL, purged_at = ${p1} WHERE occurred_at < ${p2} AND purged_at IS NULL`,
        [instantParameter(manager, now), instantParameter(manager, changeCutoff)],
      );
      await this.revokePurge(manager);
      return { accessEntriesPurged, changeEntriesPurged, accessCutoff, changeCutoff };
    });
    if (result.accessEntriesPurged || result.changeEntriesPurged) {
      this.logger.log(`Retention purge: ${result.accessEntriesPurged} access entries, ${result.changeEntriesPurged} change entries`);
    }
    return result;
  }

  private async grantPurge(manager: EntityManager): Promise<void> {
    if (databaseKindOf(manager) === 'postgres') await manager.query("SELECT set_config('verwerker.audit_purge', 'on', true)");
    else await manager.query('INSERT INTO audit_purge_allowance (granted) VALUES (1)');
  }

  private async revokePurge(manager: EntityManager): Promise<void> {
    if (databaseKindOf(manager) === 'sqlite') await manager.query('DELETE FROM audit_purge_allowance');
  }

  private async update(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
    // The structured result carries the affected row count the same way for both drivers.
    const result = await manager.queryRunner!.query(sql, parameters, true);
    return result.affected ?? 0;
  }
}
