import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageRequest, paginateByCreation, Role } from '@verwerker/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKey } from './api-key.entity';

export interface ApiKeyFilter {
  role?: Role;
  clientId?: string;
  includeRevoked?: boolean;
}

/** API keys are processor-side data: only admins reach these reads, so they are not tenant-scoped. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByPrefix(prefix: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOne({ where: { prefix } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ApiKey | null> {
    return manager.getRepository(ApiKey).findOne({ where: { id } });
  }

  list(filter: ApiKeyFilter, page: PageRequest): Promise<Page<ApiKey>> {
    const manager = this.dataSource.manager;
    const query = manager.getRepository(ApiKey).createQueryBuilder('key');
    if (filter.role) query.andWhere('key.role = :role', { role: filter.role });
    if (filter.clientId) query.andWhere('key.clientId = :clientId', { clientId: filter.clientId });
    if (!filter.includeRevoked) query.andWhere('key.revokedAt IS NULL');
    return paginateByCreation(manager, query, page);
  }

  async hasActiveAdmin(): Promise<boolean> {
    return (await this.dataSource.getRepository(ApiKey).count({ where: { role: Role.Admin, revokedAt: IsNull() } })) > 0;
  }

  async insert(key: ApiKey, manager: EntityManager): Promise<void> {
    await manager.getRepository(ApiKey).insert(key);
  }

  async save(key: ApiKey, manager: EntityManager): Promise<void> {
    await manager.getRepository(ApiKey).save(key);
  }

  async touch(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(ApiKey).update({ id }, { lastUsedAt: at });
  }
}
