import { canonicalJson } from '@verwerker/platform';

export interface ChangeEntryContent {
  /** UTC ISO instant, ms precision. */
  occurredAt: string;
  actorKind: string;
  actorRole: string;
  actorLabel: string;
  credentialId: string | null;
  clientId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

/** Fixed-order array; the summary in canonical JSON so PostgreSQL's jsonb key order cannot change the hash. */
export function canonicalChangeContent(entry: ChangeEntryContent): string {
  return JSON.stringify([
    'change/v1',
    entry.occurredAt,
    entry.actorKind,
    entry.actorRole,
    entry.actorLabel,
    entry.credentialId,
    entry.clientId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    canonicalJson(entry.summary),
  ]);
}
