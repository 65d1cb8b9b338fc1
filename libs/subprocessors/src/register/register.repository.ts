import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { instantParameter } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Subprocessor, SubprocessorExclusion, SubprocessorVersion } from './subprocessor.entities';

export interface RegisterEntry {
  subprocessor: Subprocessor;
  version: SubprocessorVersion;
}

/** The only place that builds queries for the register. The register is the processor's own, public data. */
@Injectable()
export class RegisterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register as it was at `at`: each sub-processor's version whose period contains that instant. */
  async at(at: Date, manager: EntityManager = this.dataSource.manager): Promise<RegisterEntry[]> {
    const instant = instantParameter(manager, at);
    const versions = await manager
      .getRepository(SubprocessorVersion)
      .createQueryBuilder('version')
      .where('version.validFrom <= :instant AND (version.validTo IS NULL OR version.validTo > :instant)', { instant })
      .getMany();
    return this.withSubprocessors(versions, manager);
  }

  async inForce(subprocessorId: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<RegisterEntry | null> {
    return (await this.at(at, manager)).find((entry) => entry.subprocessor.id === subprocessorId) ?? null;
  }

  async history(subprocessorId: string): Promise<SubprocessorVersion[]> {
    return this.dataSource.getRepository(SubprocessorVersion).find({ where: { subprocessorId }, order: { validFrom: 'ASC', createdAt: 'ASC' } });
  }

  async findSubprocessor(id: string, manager: EntityManager = this.dataSource.manager): Promise<Subprocessor | null> {
    return manager.getRepository(Subprocessor).findOneBy({ id });
  }

  async exclusions(manager: EntityManager = this.dataSource.manager): Promise<SubprocessorExclusion[]> {
    return manager.getRepository(SubprocessorExclusion).find();
  }

  async insertSubprocessor(subprocessor: Subprocessor, manager: EntityManager): Promise<void> {
    await manager.getRepository(Subprocessor).insert(subprocessor);
  }

  async insertVersion(version: SubprocessorVersion, manager: EntityManager): Promise<void> {
    await manager.getRepository(SubprocessorVersion).insert(version);
  }

  /** Ends the version in force at `at` (a removal, a replacement, or a new version of the details). */
  async closeVersion(subprocessorId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SubprocessorVersion)
      .set({ validTo: at })
      .where('subprocessor_id = :subprocessorId AND valid_to IS NULL', { subprocessorId })
      .execute();
  }

  async insertExclusion(exclusion: SubprocessorExclusion, manager: EntityManager): Promise<void> {
    await manager.getRepository(SubprocessorExclusion).insert(exclusion);
  }

  private async withSubprocessors(versions: SubprocessorVersion[], manager: EntityManager): Promise<RegisterEntry[]> {
    if (!versions.length) return [];
    const subprocessors = await manager.getRepository(Subprocessor).createQueryBuilder('sp').where('sp.id IN (:...ids)', { ids: versions.map((version) => version.subprocessorId) }).getMany();
    const byId = new Map(subprocessors.map((subprocessor) => [subprocessor.id, subprocessor]));
    return versions
      .map((version) => ({ subprocessor: byId.get(version.subprocessorId)!, version }))
      .sort((a, b) => a.version.details.legalName.localeCompare(b.version.details.legalName));
  }
}
