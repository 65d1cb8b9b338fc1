import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangeActor, ChangeRecorder, Clock, NotFoundError, TransactionRunner } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ProcessorProfileDto } from './processor-profile.dto';
import { ProcessorProfile } from './processor-profile.entity';

@Injectable()
export class ProcessorProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  async find(manager: EntityManager = this.dataSource.manager): Promise<ProcessorProfile | null> {
    return manager.getRepository(ProcessorProfile).findOne({ where: { id: ProcessorProfile.SINGLETON_ID } });
  }

  async get(): Promise<ProcessorProfile> {
    const profile = await this.find();
    if (!profile) throw new NotFoundError('Processor profile');
    return profile;
  }

  async put(dto: ProcessorProfileDto, actor: ChangeActor): Promise<ProcessorProfile> {
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
      const before = await this.find(manager);
      const saved = await manager.getRepository(ProcessorProfile).save(profile);
      await this.changes.record(manager, {
        actor,
        action: before ? 'processor_profile.updated' : 'processor_profile.created',
        subjectType: 'processor_profile',
        subjectId: ProcessorProfile.SINGLETON_ID,
        clientId: null,
        before: before ? profileSummary(before) : null,
        after: profileSummary(saved),
      });
      return saved;
    });
  }
}

function profileSummary({ updatedAt: _updatedAt, ...profile }: ProcessorProfile): Record<string, unknown> {
  return { ...profile };
}
