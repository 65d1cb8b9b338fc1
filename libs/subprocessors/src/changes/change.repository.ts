import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { instantParameter, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SubprocessorChange, SubprocessorChangeClient } from './subprocessor-change.entities';

export interface ChangeWithClients {
  change: SubprocessorChange;
  /** All affected clients for processor roles; only the caller's own row for a client. */
  clients: SubprocessorChangeClient[];
}

/** The only place that builds queries for changes. A client sees the changes announced to it, and only its own row. */
@Injectable()
export class ChangeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<ChangeWithClients | null> {
    const change = await manager.getRepository(SubprocessorChange).findOneBy({ id });
    if (!change) return null;
    const clients = await this.clientRows(scope, [id], manager);
    if (scope.kind === 'client' && clients.length === 0) return null;
    return { change, clients };
  }

  async list(scope: TenantScope): Promise<ChangeWithClients[]> {
    const manager = this.dataSource.manager;
    const query = manager.getRepository(SubprocessorChange).createQueryBuilder('change').orderBy('change.announcedAt', 'DESC').addOrderBy('change.id', 'ASC').take(500);
    if (scope.kind === 'client') {
      query.where('change.id IN (SELECT row.change_id FROM subprocessor_change_client row WHERE row.client_id = :clientId)', { clientId: scope.clientId });
    }
    const changes = await query.getMany();
    const rows = await this.clientRows(scope, changes.map((change) => change.id), manager);
    return changes.map((change) => ({ change, clients: rows.filter((row) => row.changeId === change.id) }));
  }

  /** Announced changes whose date has come, oldest first. */
  async due(now: Date): Promise<SubprocessorChange[]> {
    return this.dataSource
      .getRepository(SubprocessorChange)
      .createQueryBuilder('change')
      .where("change.status = 'announced' AND change.effectiveAt <= :now", { now: instantParameter(this.dataSource, now) })
      .orderBy('change.effectiveAt', 'ASC')
      .getMany();
  }

  /** announced → applied, only if still announced: the one instance whose UPDATE hits the row applies it. */
  async claimForApplying(id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(SubprocessorChange)
      .set({ status: 'applied', appliedAt: now })
      .where("id = :id AND status = 'announced'", { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  clientsOf(changeId: string, manager: EntityManager): Promise<SubprocessorChangeClient[]> {
    return manager.getRepository(SubprocessorChangeClient).find({ where: { changeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(change: SubprocessorChange, manager: EntityManager): Promise<void> {
    await manager.getRepository(SubprocessorChange).insert(change);
  }

  async insertClients(rows: SubprocessorChangeClient[], manager: EntityManager): Promise<void> {
    if (rows.length) await manager.getRepository(SubprocessorChangeClient).insert(rows);
  }

  async save(change: SubprocessorChange, manager: EntityManager): Promise<void> {
    await manager.getRepository(SubprocessorChange).save(change);
  }

  async saveClient(row: SubprocessorChangeClient, manager: EntityManager): Promise<void> {
    await manager.getRepository(SubprocessorChangeClient).save(row);
  }

  private async clientRows(scope: TenantScope, changeIds: string[], manager: EntityManager): Promise<SubprocessorChangeClient[]> {
    if (!changeIds.length) return [];
    const query = manager
      .getRepository(SubprocessorChangeClient)
      .createQueryBuilder('row')
      .where('row.changeId IN (:...changeIds)', { changeIds })
      .orderBy('row.createdAt', 'ASC')
      .addOrderBy('row.id', 'ASC');
    if (scope.kind === 'client') query.andWhere('row.clientId = :clientId', { clientId: scope.clientId });
    return query.getMany();
  }
}
