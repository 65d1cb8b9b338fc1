import { Inject, Injectable } from '@nestjs/common';
import { ChangeActor, ChangeRecorder, Clock, NotFoundError, Page, PageRequest, PROCESSOR_SCOPE, SecretBox, TenantScope, ValidationError, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { Client } from './client.entity';
import { toClientResponse } from './client.mapper';
import { ClientFilter, ClientRepository } from './client.repository';
import { PARTIES_MODULE_OPTIONS, PartiesModuleOptions } from '../parties.module-definition';
import { CreateClientDto, UpdateClientContactsDto, UpdateClientDto } from './dto/client.dto';
import { registrationProblems } from './rules/client-registration';
import { generateWebhookSecret } from './webhook-secret';

export interface CreatedClient {
  client: Client;
  /** Plaintext, returned once to the caller and never stored as such. */
  webhookSecret: string | null;
}

@Injectable()
export class ClientsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clients: ClientRepository,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    @Inject(PARTIES_MODULE_OPTIONS) private readonly options: PartiesModuleOptions,
  ) {}

  async create(dto: CreateClientDto, actor: ChangeActor): Promise<CreatedClient> {
    this.assertWebhookScheme(dto.webhookUrl);
    const now = this.clock.now();
    const webhookSecret = dto.webhookUrl ? generateWebhookSecret() : null;
    const client = Object.assign(new Client(), {
      id: randomUUID(),
      legalName: dto.legalName,
      kvkNumber: dto.kvkNumber ?? null,
      country: dto.country,
      language: dto.language,
      privacyContactName: dto.privacyContact.name,
      privacyContactEmail: dto.privacyContact.email,
      noticeRecipients: dto.noticeRecipients,
      webhookUrl: dto.webhookUrl ?? null,
      webhookSecretSealed: webhookSecret ? this.secretBox.seal(webhookSecret) : null,
      status: 'active',
      endedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Client);
    this.assertRegistration(client);
    await this.transactions.run(async (manager) => {
      await this.clients.insert(client, manager);
      await this.changes.record(manager, { actor, action: 'client.created', subjectType: 'client', subjectId: client.id, clientId: client.id, after: clientSummary(client) });
    });
    return { client, webhookSecret };
  }

  async get(scope: TenantScope, id: string): Promise<Client> {
    const client = await this.clients.findById(scope, id);
    if (!client) throw new NotFoundError('Client', id);
    return client;
  }

  list(scope: TenantScope, filter: ClientFilter, page: PageRequest): Promise<Page<Client>> {
    return this.clients.list(scope, filter, page);
  }

  async update(id: string, dto: UpdateClientDto, actor: ChangeActor): Promise<CreatedClient> {
    this.assertWebhookScheme(dto.webhookUrl);
    return this.transactions.run(async (manager) => {
      const client = await this.clients.findById(PROCESSOR_SCOPE, id, manager);
      if (!client) throw new NotFoundError('Client', id);
      const before = clientSummary(client);
      if (dto.legalName !== undefined) client.legalName = dto.legalName;
      if (dto.kvkNumber !== undefined) client.kvkNumber = dto.kvkNumber;
      if (dto.country !== undefined) client.country = dto.country;
      this.assertRegistration(client);
      const webhookSecret = this.applyContacts(client, dto);
      client.updatedAt = this.clock.now();
      await this.clients.save(client, manager);
      await this.changes.record(manager, { actor, action: 'client.updated', subjectType: 'client', subjectId: id, clientId: id, before, after: clientSummary(client) });
      return { client, webhookSecret };
    });
  }

  /** A client keeps its own contact details current; staff may do it for them. */
  async updateContacts(scope: TenantScope, id: string, dto: UpdateClientContactsDto, actor: ChangeActor): Promise<CreatedClient> {
    this.assertWebhookScheme(dto.webhookUrl);
    return this.transactions.run(async (manager) => {
      const client = await this.clients.findById(scope, id, manager);
      if (!client) throw new NotFoundError('Client', id);
      const before = clientSummary(client);
      const webhookSecret = this.applyContacts(client, dto);
      client.updatedAt = this.clock.now();
      await this.clients.save(client, manager);
      await this.changes.record(manager, { actor, action: 'client.contacts_updated', subjectType: 'client', subjectId: id, clientId: id, before, after: clientSummary(client) });
      return { client, webhookSecret };
    });
  }

  async rotateWebhookSecret(scope: TenantScope, id: string, actor: ChangeActor): Promise<string> {
    return this.transactions.run(async (manager) => {
      const client = await this.clients.findById(scope, id, manager);
      if (!client) throw new NotFoundError('Client', id);
      if (!client.webhookUrl) {
        throw new ValidationError([{ field: 'webhookUrl', messages: ['set a webhookUrl before rotating its secret'] }]);
      }
      const secret = generateWebhookSecret();
      client.webhookSecretSealed = this.secretBox.seal(secret);
      client.updatedAt = this.clock.now();
      await this.clients.save(client, manager);
      // The secret itself never enters the trail; that it changed, and by whom, does.
      await this.changes.record(manager, { actor, action: 'client.webhook_secret_rotated', subjectType: 'client', subjectId: id, clientId: id });
      return secret;
    });
  }

  /** For the notice delivery: the plaintext secret to sign with, never for an API response. */
  webhookSigningSecret(client: Client): string | null {
    return client.webhookSecretSealed ? this.secretBox.open(client.webhookSecretSealed) : null;
  }

  /** The relationship ended. The client is kept: its agreements, notices and logs remain evidence. */
  async end(id: string, actor: ChangeActor): Promise<Client> {
    return this.transactions.run(async (manager) => {
      const client = await this.clients.findById(PROCESSOR_SCOPE, id, manager);
      if (!client) throw new NotFoundError('Client', id);
      if (client.status === 'ended') return client;
      const before = clientSummary(client);
      const now = this.clock.now();
      client.status = 'ended';
      client.endedAt = now;
      client.updatedAt = now;
      await this.clients.save(client, manager);
      await this.changes.record(manager, { actor, action: 'client.ended', subjectType: 'client', subjectId: id, clientId: id, before, after: clientSummary(client) });
      return client;
    });
  }

  /** Applies contact fields; returns a new webhook secret when a webhook is set up for the first time. */
  private applyContacts(client: Client, dto: UpdateClientContactsDto): string | null {
    if (dto.privacyContact) {
      client.privacyContactName = dto.privacyContact.name;
      client.privacyContactEmail = dto.privacyContact.email;
    }
    if (dto.noticeRecipients) client.noticeRecipients = dto.noticeRecipients;
    if (dto.language) client.language = dto.language;
    if (dto.webhookUrl === null) {
      client.webhookUrl = null;
      client.webhookSecretSealed = null;
    } else if (dto.webhookUrl !== undefined) {
      client.webhookUrl = dto.webhookUrl;
      if (!client.webhookSecretSealed) {
        const secret = generateWebhookSecret();
        client.webhookSecretSealed = this.secretBox.seal(secret);
        return secret;
      }
    }
    return null;
  }

  private assertRegistration(client: Client): void {
    const problems = registrationProblems(client);
    if (problems.length) throw new ValidationError(problems.map((problem) => ({ field: problem.field, messages: [problem.message] })));
  }

  private assertWebhookScheme(url: string | null | undefined): void {
    if (url && !this.options.allowHttpWebhooks && !url.toLowerCase().startsWith('https://')) {
      throw new ValidationError([{ field: 'webhookUrl', messages: ['webhookUrl must be an https URL'] }]);
    }
  }
}

/** What the change trail keeps of a client: what the API shows of it, without id and bookkeeping times. */
export function clientSummary(client: Client): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...summary } = toClientResponse(client);
  return summary;
}
