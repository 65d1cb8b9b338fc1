import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientRepository, ClientsService, ProcessorProfileService } from '@verwerker/parties';
import { systemActor } from '@verwerker/platform';
import { VerwerkerConfig } from '../config/configuration';
import { DEMO_CLIENTS, DEMO_PROCESSOR } from './demo-data';

/** Fills an empty database with demo data when DEMO_DATA is on (the default outside production). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly config: ConfigService<VerwerkerConfig, true>,
    private readonly clientRepository: ClientRepository,
    private readonly clients: ClientsService,
    private readonly profiles: ProcessorProfileService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('app', { infer: true }).demoData) return;
    if ((await this.clientRepository.count()) > 0 || (await this.profiles.find())) return;
    const actor = systemActor('demo-data');
    await this.profiles.put(DEMO_PROCESSOR, actor);
    for (const client of DEMO_CLIENTS) await this.clients.create(client, actor);
    this.logger.log(`Demo data loaded: processor ${DEMO_PROCESSOR.legalName} and ${DEMO_CLIENTS.length} clients`);
  }
}
