import { Inject, Injectable } from '@nestjs/common';
import { Client, ClientRepository } from '@verwerker/parties';
import { Clock, PROCESSOR_SCOPE } from '@verwerker/platform';
import { AgreementRepository } from '../agreements/agreement.repository';
import { amsterdamDate } from '../agreements/agreements.service';
import { DPA_MODULE_OPTIONS, DpaModuleOptions } from '../dpa.module-definition';
import { ComplianceGap, findComplianceGaps } from '../rules/compliance-gaps';

/** Every client, page by page through the client repository (processor scope: staff and DPO only). */
export async function allClients(clients: ClientRepository): Promise<Client[]> {
  const all: Client[] = [];
  let cursor: string | undefined;
  do {
    const page = await clients.list(PROCESSOR_SCOPE, {}, { limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The DPO's list of where the processor falls short of Art. 28: the pure rule over every client and version. */
@Injectable()
export class ComplianceGapsService {
  constructor(
    private readonly clients: ClientRepository,
    private readonly agreements: AgreementRepository,
    private readonly clock: Clock,
    @Inject(DPA_MODULE_OPTIONS) private readonly options: DpaModuleOptions,
  ) {}

  async gaps(): Promise<{ checkedAt: Date; items: ComplianceGap[] }> {
    const now = this.clock.now();
    const clients = await allClients(this.clients);
    const versions = await this.agreements.versionsOfClients('all');
    return { checkedAt: now, items: findComplianceGaps({ clients, versions, now, today: amsterdamDate(now), reminderAfterDays: this.options.reminderAfterDays }) };
  }
}
