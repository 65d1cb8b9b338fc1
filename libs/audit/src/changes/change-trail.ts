import { Injectable } from '@nestjs/common';
import { ChangeRecord, ChangeRecorder, Clock, insertRows } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditChain } from '../chain/audit-chain';
import { contentHash } from '../chain/chain-hash';
import { canonicalChangeContent, ChangeEntryContent } from './change-content';

const COLUMNS = [
  'id', 'seq', 'occurred_at', 'actor_kind', 'actor_role', 'actor_label', 'credential_id', 'client_id',
  'action', 'subject_type', 'subject_id', 'summary', 'content_hash', 'entry_hash',
] as const;

/**
 * The change trail: every state change made through this API, appended to its hash chain in the caller's
 * transaction. A change that rolls back takes its trail entry with it; a trail entry that fails to write
 * rolls back the change.
 */
@Injectable()
export class ChangeTrail extends ChangeRecorder {
  constructor(
    private readonly chain: AuditChain,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(manager: EntityManager, change: ChangeRecord): Promise<void> {
    const occurredAt = this.clock.now();
    const content: ChangeEntryContent = {
      occurredAt: occurredAt.toISOString(),
      actorKind: change.actor.credentialKind,
      actorRole: change.actor.role,
      actorLabel: change.actor.label,
      credentialId: change.actor.credentialId,
      clientId: change.clientId,
      action: change.action,
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      summary: { before: change.before ?? null, after: change.after ?? null },
    };
    await this.chain.append(manager, 'change', [contentHash(canonicalChangeContent(content))], ([link]) =>
      insertRows(manager, 'change_trail_entry', COLUMNS, [
        [
          randomUUID(), link.seq, occurredAt, content.actorKind, content.actorRole, content.actorLabel, content.credentialId,
          content.clientId, content.action, content.subjectType, content.subjectId, content.summary, link.contentHash, link.entryHash,
        ],
      ]),
    );
  }
}
