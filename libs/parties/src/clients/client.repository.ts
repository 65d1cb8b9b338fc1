import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, Page, PageRequest, paginateByCreation, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Client, ClientStatus } from './client.entity';

export interface ClientFilter {
  status?: ClientStatus;
}

/** The only place that builds queries for clients. Reads take the caller's scope; a client sees itself only. */
@Injectable()
export class ClientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<Client | null> {
    const query = manager.getRepository(Client).createQueryBuilder('client').where('client.id = :id', { id });
    return applyTenantScope(query, scope, 'id').getOne();
  }

  async findByIds(scope: TenantScope, ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Client[]> {
    if (!ids.length) return [];
    const query = manager.getRepository(Client).createQueryBuilder('client').where('client.id IN (:...ids)', { ids });
    return applyTenantScope(query, scope, 'id').getMany();
  }

  async list(scope: TenantScope, filter: ClientFilter, page: PageRequest): Promise<Page<Client>> {
    const manager = this.dataSource.manager;
    const query = applyTenantScope(manager.getRepository(Client).createQueryBuilder('client'), scope, 'id');
    if (filter.status) query.andWhere('client.status = :status', { status: filter.status });
    return paginateByCreation(manager, query, page);
  }

  /** Processor-side lookup for bulk work (audit ingestion): the status of each id that names a client. */
  async statusesOf(ids: readonly string[]): Promise<Map<string, ClientStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Client)
      .createQueryBuilder('client')
      .select(['client.id', 'client.status'])
      .where('client.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** Every active client, for processor-side fan-out (who a sub-processor change affects). */
  async allActive(manager: EntityManager = this.dataSource.manager): Promise<Client[]> {
    return manager.getRepository(Client).find({ where: { status: 'active' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(Client).count();
  }

  async insert(client: Client, manager: EntityManager): Promise<void> {
    await manager.getRepository(Client).insert(client);
  }

  async save(client: Client, manager: EntityManager): Promise<Client> {
    return manager.getRepository(Client).save(client);
  }
}
