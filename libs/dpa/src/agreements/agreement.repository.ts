import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, Page, PageRequest, paginateByCreation, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { VersionStatus } from '../rules/agreement-lifecycle';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';

export interface AgreementFilter {
  clientId?: string;
}

/**
 * The only place that builds queries for agreements and their versions. Every read of client data takes the
 * caller's scope: a client credential can only ever see its own agreement, and another's answers "not found".
 */
@Injectable()
export class AgreementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findAgreement(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<Agreement | null> {
    const query = manager.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.id = :id', { id });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async findAgreementOfClient(scope: TenantScope, clientId: string, manager: EntityManager = this.dataSource.manager): Promise<Agreement | null> {
    const query = manager.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.clientId = :clientId', { clientId });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async listAgreements(scope: TenantScope, filter: AgreementFilter, page: PageRequest): Promise<Page<Agreement>> {
    const manager = this.dataSource.manager;
    const query = applyTenantScope(manager.getRepository(Agreement).createQueryBuilder('agreement'), scope, 'clientId');
    if (filter.clientId) query.andWhere('agreement.clientId = :clientId', { clientId: filter.clientId });
    return paginateByCreation(manager, query, page);
  }

  async findVersion(scope: TenantScope, agreementId: string, number: number, manager: EntityManager = this.dataSource.manager): Promise<AgreementVersion | null> {
    const query = manager
      .getRepository(AgreementVersion)
      .createQueryBuilder('version')
      .where('version.agreementId = :agreementId AND version.number = :number', { agreementId, number });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async listVersions(scope: TenantScope, agreementIds: string[], manager: EntityManager = this.dataSource.manager): Promise<AgreementVersion[]> {
    if (!agreementIds.length) return [];
    const query = manager
      .getRepository(AgreementVersion)
      .createQueryBuilder('version')
      .where('version.agreementId IN (:...agreementIds)', { agreementIds })
      .orderBy('version.agreementId', 'ASC')
      .addOrderBy('version.number', 'ASC');
    return applyTenantScope(query, scope, 'clientId').getMany();
  }

  /** Processor-side: every version of these clients (agreement in force, gaps, register). */
  async versionsOfClients(clientIds: readonly string[] | 'all', manager: EntityManager = this.dataSource.manager): Promise<AgreementVersion[]> {
    const query = manager.getRepository(AgreementVersion).createQueryBuilder('version');
    if (clientIds !== 'all') {
      if (!clientIds.length) return [];
      query.where('version.clientId IN (:...clientIds)', { clientIds: [...clientIds] });
    }
    return query.orderBy('version.clientId', 'ASC').addOrderBy('version.number', 'ASC').getMany();
  }

  /** Processor-side, for the reminder job. */
  async versionsInStatus(status: VersionStatus, manager: EntityManager = this.dataSource.manager): Promise<AgreementVersion[]> {
    return manager.getRepository(AgreementVersion).find({ where: { status }, order: { sentAt: 'ASC', id: 'ASC' } });
  }

  async insertAgreement(agreement: Agreement, manager: EntityManager): Promise<void> {
    await manager.getRepository(Agreement).insert(agreement);
  }

  async saveAgreement(agreement: Agreement, manager: EntityManager): Promise<void> {
    await manager.getRepository(Agreement).save(agreement);
  }

  async insertVersion(version: AgreementVersion, manager: EntityManager): Promise<void> {
    await manager.getRepository(AgreementVersion).insert(version);
  }

  async saveVersion(version: AgreementVersion, manager: EntityManager): Promise<void> {
    await manager.getRepository(AgreementVersion).save(version);
  }
}
