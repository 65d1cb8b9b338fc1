import { Injectable } from '@nestjs/common';
import { ClientRepository } from '@verwerker/parties';
import { ChangeActor, ChangeRecorder, Clock, NotFoundError, Page, PageRequest, Principal, PROCESSOR_SCOPE, Role, ValidationError, TransactionRunner, systemActor } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateApiKeyDto } from '../dto/api-key.dto';
import { ApiKey } from './api-key.entity';
import { apiKeyLabel } from './api-key.mapper';
import { ApiKeyFilter, ApiKeyRepository } from './api-key.repository';
import { generateApiKeyToken, hashApiKeySecret, parseApiKeyToken, secretMatches } from './api-key-token';

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** Plaintext, returned once. */
  token: string;
}

/** Writing last-used on every request would turn each read into a write; a minute's precision is enough. */
const LAST_USED_PRECISION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly keys: ApiKeyRepository,
    private readonly clients: ClientRepository,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  async create(dto: CreateApiKeyDto, createdBy: Principal): Promise<IssuedApiKey> {
    if (dto.role !== Role.Client && dto.clientId !== undefined) {
      throw new ValidationError([{ field: 'clientId', messages: [`clientId is only for role client, not ${dto.role}`] }]);
    }
    return this.transactions.run(async (manager) => {
      if (dto.clientId) {
        const client = await this.clients.findById(PROCESSOR_SCOPE, dto.clientId, manager);
        if (!client) throw new ValidationError([{ field: 'clientId', messages: ['clientId does not name a registered client'] }]);
        if (client.status !== 'active') throw new ValidationError([{ field: 'clientId', messages: ['the client has ended'] }]);
      }
      const { prefix, secret, token } = generateApiKeyToken();
      const apiKey = this.newKey(dto.name, dto.role, dto.clientId ?? null, prefix, hashApiKeySecret(secret), createdBy.label);
      await this.keys.insert(apiKey, manager);
      await this.recordChange(manager, createdBy, 'api_key.created', apiKey, null);
      return { apiKey, token };
    });
  }

  list(filter: ApiKeyFilter, page: PageRequest): Promise<Page<ApiKey>> {
    return this.keys.list(filter, page);
  }

  async get(id: string): Promise<ApiKey> {
    const key = await this.keys.findById(id);
    if (!key) throw new NotFoundError('API key', id);
    return key;
  }

  async revoke(id: string, by: Principal): Promise<ApiKey> {
    return this.transactions.run(async (manager) => {
      const key = await this.keys.findById(id, manager);
      if (!key) throw new NotFoundError('API key', id);
      if (key.revokedAt) return key;
      if (key.id === by.credentialId) {
        throw new ValidationError([{ field: 'id', messages: ['an admin cannot revoke the key it is using; use another admin key'] }]);
      }
      const before = apiKeySummary(key);
      key.revokedAt = this.clock.now();
      await this.keys.save(key, manager);
      await this.recordChange(manager, by, 'api_key.revoked', key, before);
      return key;
    });
  }

  /** The principal for a presented key, or null when it is malformed, unknown, revoked or wrong. */
  async authenticate(token: string): Promise<Principal | null> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) return null;
    const key = await this.keys.findByPrefix(parsed.prefix);
    if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return null;
    const now = this.clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await this.transactions.run((manager) => this.keys.touch(key.id, now, manager));
    return { credentialId: key.id, credentialKind: 'api_key', label: apiKeyLabel(key), role: key.role, clientId: key.clientId };
  }

  /**
   * First start: without an active admin key nobody could create keys. Stores the configured key (for
   * unattended installs) or a new one; returns the plaintext only when it was generated here, to print once.
   */
  async ensureAdminKey(configuredToken: string | undefined): Promise<{ created: boolean; generatedToken: string | null }> {
    if (await this.keys.hasActiveAdmin()) return { created: false, generatedToken: null };
    const configured = configuredToken ? parseApiKeyToken(configuredToken) : null;
    if (configuredToken && !configured) throw new Error('The configured bootstrap admin key is not a valid vwk_… key');
    const token = configured ?? generateApiKeyToken();
    const existing = await this.keys.findByPrefix(token.prefix);
    if (existing) throw new Error('The configured bootstrap admin key was revoked; configure a new one');
    const apiKey = this.newKey('Bootstrap admin', Role.Admin, null, token.prefix, hashApiKeySecret(token.secret), 'bootstrap');
    await this.transactions.run(async (manager) => {
      await this.keys.insert(apiKey, manager);
      await this.recordChange(manager, systemActor('bootstrap'), 'api_key.created', apiKey, null);
    });
    return { created: true, generatedToken: configured ? null : token.token };
  }

  private recordChange(manager: EntityManager, actor: ChangeActor, action: string, key: ApiKey, before: Record<string, unknown> | null): Promise<void> {
    return this.changes.record(manager, { actor, action, subjectType: 'api_key', subjectId: key.id, clientId: key.clientId, before, after: apiKeySummary(key) });
  }

  private newKey(name: string, role: Role, clientId: string | null, prefix: string, secretHash: string, createdBy: string): ApiKey {
    return Object.assign(new ApiKey(), {
      id: randomUUID(),
      name,
      prefix,
      secretHash,
      role,
      clientId,
      createdBy,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    } satisfies ApiKey);
  }
}

/** What the change trail keeps of a key: never its secret or hash. */
function apiKeySummary(key: ApiKey): Record<string, unknown> {
  return { name: key.name, prefix: apiKeyLabel(key), role: key.role, clientId: key.clientId, revokedAt: key.revokedAt?.toISOString() ?? null };
}
