import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AgreementsService } from '@verwerker/dpa';
import { ClientRepository, ClientsService, ProcessorProfileService } from '@verwerker/parties';
import { Principal, Role, systemActor } from '@verwerker/platform';
import { RegisterService } from '@verwerker/subprocessors';
import { VerwerkerConfig } from '../config/configuration';
import { DEMO_AGREEMENT_STATES, DEMO_AGREEMENT_TERMS, DEMO_CLIENTS, DEMO_PROCESSOR, DEMO_SUBPROCESSORS } from './demo-data';

/** Fills an empty database with demo data when DEMO_DATA is on (the default outside production). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly config: ConfigService<VerwerkerConfig, true>,
    private readonly clientRepository: ClientRepository,
    private readonly clients: ClientsService,
    private readonly profiles: ProcessorProfileService,
    private readonly agreements: AgreementsService,
    private readonly register: RegisterService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('app', { infer: true }).demoData) return;
    if ((await this.clientRepository.count()) > 0 || (await this.profiles.find())) return;
    const actor = systemActor('demo-data');
    await this.profiles.put(DEMO_PROCESSOR, actor);
    // Before any agreement exists, so they go on the register directly (later changes need announcements).
    for (const subprocessor of DEMO_SUBPROCESSORS) await this.register.registerDirectly(subprocessor, actor);
    for (const dto of DEMO_CLIENTS) {
      const { client } = await this.clients.create(dto, actor);
      await this.seedAgreement(client.id, client.legalName);
    }
    this.logger.log(`Demo data loaded: processor ${DEMO_PROCESSOR.legalName}, ${DEMO_SUBPROCESSORS.length} sub-processors and ${DEMO_CLIENTS.length} clients`);
  }

  /** An agreement in the state the demo needs: accepted, awaiting acceptance, an incomplete draft, or a change pending. */
  private async seedAgreement(clientId: string, legalName: string): Promise<void> {
    const state = DEMO_AGREEMENT_STATES[legalName];
    if (!state) return;
    const staff = systemActor('demo-data');
    // The demo has no client credential yet; acceptance is recorded as the demo's stand-in for the client.
    const clientPrincipal: Principal = { credentialId: 'demo-data', credentialKind: 'api_key', label: 'demo-data (client)', role: Role.Client, clientId };
    const sender: Principal = { credentialId: 'demo-data', credentialKind: 'api_key', label: 'demo-data', role: Role.Staff, clientId: null };
    const terms = state === 'draft' ? { services: DEMO_AGREEMENT_TERMS.services } : DEMO_AGREEMENT_TERMS;
    const { agreement } = await this.agreements.create({ clientId, terms }, staff);
    if (state === 'draft') return;
    const sent = await this.agreements.send(agreement.id, 1, {}, sender);
    if (state === 'sent') return;
    await this.agreements.accept(
      { kind: 'client', clientId },
      agreement.id,
      1,
      { name: 'Demo-contactpersoon', documentSha256: sent.documentSha256! },
      { ip: null, userAgent: 'demo-data' },
      clientPrincipal,
    );
    if (state === 'accepted_with_new_draft') await this.agreements.createVersion(agreement.id, { breachNoticeHours: 36 }, staff);
  }
}
