import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, NotFoundError, TransactionRunner } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ProcessorProfileDto } from './processor-profile.dto';
import { ProcessorProfile } from './processor-profile.entity';

@Injectable()
export class ProcessorProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async find(manager: EntityManager = this.dataSource.manager): Promise<ProcessorProfile | null> {
    return manager.getRepository(ProcessorProfile).findOne({ where: { id: ProcessorProfile.SINGLETON_ID } });
  }

  async get(): Promise<ProcessorProfile> {
    const profile = await this.find();
    if (!profile) throw new NotFoundError('Processor profile');
    return profile;
  }

  async put(dto: ProcessorProfileDto): Promise<ProcessorProfile> {
    return this.transactions.run(async (manager) => {
      const profile = Object.assign(new ProcessorProfile(), {
        id: ProcessorProfile.SINGLETON_ID,
        ...dto,
        kvkNumber: dto.kvkNumber ?? null,
        contactPhone: dto.contactPhone ?? null,
        dpoName: dto.dpoName ?? null,
        dpoEmail: dto.dpoEmail ?? null,
        measures: dto.measures.map(({ category, description }) => ({ category, description })),
        updatedAt: this.clock.now(),
      } satisfies ProcessorProfile);
      return manager.getRepository(ProcessorProfile).save(profile);
    });
  }
}
