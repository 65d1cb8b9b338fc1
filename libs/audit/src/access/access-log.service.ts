import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AgreementsInForce } from '@verwerker/dpa';
import { ClientRepository } from '@verwerker/parties';
import { Clock, FieldError, PreparedRows, TenantScope, TransactionRunner, ValidationError } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions } from '../audit.module-definition';
import { AuditChain } from '../chain/audit-chain';
import { contentHash } from '../chain/chain-hash';
import { SeqPage } from '../seq-cursor';
import { AccessEntryContent, canonicalAccessContent } from './access-entry.content';
import { AccessLogEntry } from './access-entry.entity';
import { AccessEntryValidator, ParsedAccessEntry } from './access-entry.validator';
import { ACCESS_LOG_COLUMNS, AccessLogFilter, AccessLogRepository } from './access-log.repository';
import { accessFlags } from './rules/access-flags';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

interface PreparedEntry {
  entry: ParsedAccessEntry;
  flags: number;
  contentHash: string;
}

@Injectable()
export class AccessLogService {
  private readonly logger = new Logger(AccessLogService.name);
  private readonly validator: AccessEntryValidator;

  constructor(
    private readonly entries: AccessLogRepository,
    private readonly clients: ClientRepository,
    private readonly chain: AuditChain,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
    // Optional: a host without processor agreements falls back to "the client is active".
    @Optional() private readonly agreements?: AgreementsInForce,
  ) {
    this.validator = new AccessEntryValidator(options.futureToleranceSeconds * 1000);
  }

  /**
   * A batch is all or nothing: every bad entry is reported (index and field) and nothing is written. Entries
   * whose externalEventId is already in the log are skipped, so a re-sent batch adds nothing.
   */
  async ingest(body: unknown, shape: 'single' | 'batch'): Promise<IngestResult> {
    const now = this.clock.now();
    const parsed = shape === 'batch' ? this.validator.batch(body, now) : this.validator.single(body, now);
    if ('errors' in parsed) throw new ValidationError(parsed.errors);
    const statuses = await this.clients.statusesOf([...new Set(parsed.entries.map((entry) => entry.clientId))]);
    const unknown: FieldError[] = parsed.entries.flatMap((entry, index) =>
      statuses.has(entry.clientId) ? [] : [{ field: shape === 'batch' ? `entries.${index}.clientId` : 'clientId', messages: ['clientId does not name a registered client'] }],
    );
    if (unknown.length) throw new ValidationError(unknown);
    try {
      return await this.append(parsed.entries, statuses, now);
    } catch (error) {
      // Another request appended some of the same event ids between our duplicate check and our write
      // (the unique index refused them): check again, once, and write only what is still new.
      if (!(error instanceof QueryFailedError) || !/external_event/.test(String(error.message) + String((error as { detail?: string }).detail))) throw error;
      this.logger.warn('Concurrent duplicate event ids; retrying the batch once');
      return this.append(parsed.entries, statuses, now);
    }
  }

  /**
   * Was an agreement in force for the client when the access started? With the DPA lib: its accepted versions
   * (Art. 28(3): processing needs a contract); without it: the client is active.
   */
  private async agreementCheck(entries: ParsedAccessEntry[], statuses: Map<string, string>): Promise<(clientId: string, at: Date) => boolean> {
    if (!this.agreements) return activeClientCheck(statuses);
    return this.agreements.inForceChecker([...new Set(entries.map((entry) => entry.clientId))]);
  }

  list(scope: TenantScope, filter: AccessLogFilter, limit: number, cursor?: string): Promise<SeqPage<AccessLogEntry>> {
    return this.entries.list(scope, filter, limit, cursor);
  }

  /**
   * Everything that does not need the chain head (duplicate check, flags, canonical content and its hash) is
   * done before the transaction; under the head lock only the link hashes are computed and the rows written.
   */
  private async append(entries: ParsedAccessEntry[], statuses: Map<string, string>, now: Date): Promise<IngestResult> {
    const existing = await this.entries.existingEventIds(entries.map((entry) => entry.externalEventId));
    const agreementAt = await this.agreementCheck(entries, statuses);
    const recordedAt = now.toISOString();
    const fresh: PreparedEntry[] = entries
      .filter((entry) => !existing.has(entry.externalEventId))
      .map((entry) => {
        const flags = accessFlags(
          { action: entry.action, startedAt: entry.startedAt, reason: entry.reason, agreementInForce: agreementAt(entry.clientId, entry.startedAt) },
          this.options.workingHours,
        );
        return { entry, flags, contentHash: contentHash(canonicalAccessContent(contentOf(entry, flags, recordedAt))) };
      });
    const links = await this.transactions.run((manager) => {
      // Encoded before the head lock is taken: under it only the chain columns are added and the rows sent.
      const rows = PreparedRows.of(
        manager,
        fresh.map(({ entry, flags }) => [
          randomUUID(), entry.externalEventId, entry.clientId, entry.staffMemberId, entry.staffMemberName, entry.system, entry.action,
          entry.startedAt, entry.endedAt, entry.reason, entry.sourceIp, entry.sessionId, flags, now,
        ]),
      );
      return this.chain.append(
        manager,
        'access',
        fresh.map((prepared) => prepared.contentHash),
        (chained) => rows.write(manager, 'access_log_entry', ACCESS_LOG_COLUMNS, chained.map((link) => [link.seq, link.contentHash, link.entryHash])),
      );
    });
    return {
      accepted: links.length,
      duplicates: entries.length - links.length,
      firstSeq: links[0]?.seq ?? null,
      lastSeq: links[links.length - 1]?.seq ?? null,
    };
  }
}

/** Without the DPA lib, "an agreement in force" is approximated by an active client. */
function activeClientCheck(statuses: Map<string, string>): (clientId: string) => boolean {
  return (clientId) => statuses.get(clientId) === 'active';
}

function contentOf(entry: ParsedAccessEntry, flags: number, recordedAt: string): AccessEntryContent {
  return {
    externalEventId: entry.externalEventId,
    clientId: entry.clientId,
    staffMemberId: entry.staffMemberId,
    staffMemberName: entry.staffMemberName,
    system: entry.system,
    action: entry.action,
    startedAt: entry.startedAt.toISOString(),
    endedAt: entry.endedAt ? entry.endedAt.toISOString() : null,
    reason: entry.reason,
    sourceIp: entry.sourceIp,
    sessionId: entry.sessionId,
    flags,
    recordedAt,
  };
}
