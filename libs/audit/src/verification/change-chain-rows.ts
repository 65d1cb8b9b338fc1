import { contentHash } from '../chain/chain-hash';
import { canonicalChangeContent, ChangeEntryContent } from '../changes/change-content';
import type { StoredLink } from './chain-verifier';
import { storedUtcToIso } from './stored-rows';

/** Change-trail rows as the verifier reads them; instants as stored UTC text (see storedUtcToIso). */
export const CHANGE_CHAIN_COLUMNS = [
  'seq', 'id', 'occurred_at', 'actor_kind', 'actor_role', 'actor_label', 'credential_id', 'client_id', 'action', 'subject_type', 'subject_id',
  'summary', 'content_hash', 'entry_hash', 'purged_at',
] as const;

type StoredValue = string | number | bigint | null;

export function changeLinkOfRow(row: readonly unknown[]): StoredLink {
  const [seq, id, occurredAt, actorKind, actorRole, actorLabel, credentialId, clientId, action, subjectType, subjectId, summary, storedContentHash, entryHash, purgedAt] =
    row as StoredValue[];
  const occurredIso = storedUtcToIso(String(occurredAt));
  const purgedIso = purgedAt === null ? null : storedUtcToIso(String(purgedAt));
  return {
    seq: Number(seq),
    id: String(id),
    contentHash: String(storedContentHash),
    entryHash: String(entryHash),
    eventTime: occurredIso,
    purgedAt: purgedIso,
    computedContentHash: purgedIso
      ? null
      : contentHash(
          canonicalChangeContent({
            occurredAt: occurredIso,
            actorKind: String(actorKind),
            actorRole: String(actorRole),
            actorLabel: actorLabel === null ? '' : String(actorLabel),
            credentialId: credentialId === null ? null : String(credentialId),
            clientId: clientId === null ? null : String(clientId),
            action: String(action),
            subjectType: String(subjectType),
            subjectId: String(subjectId),
            summary: JSON.parse(String(summary)) as ChangeEntryContent['summary'],
          }),
        ),
  };
}
