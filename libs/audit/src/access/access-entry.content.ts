import { AccessAction } from './access-entry.entity';

/** Everything an access entry asserts, as hashed into the chain. Instants as UTC ISO strings (ms precision). */
export interface AccessEntryContent {
  externalEventId: string;
  clientId: string;
  staffMemberId: string;
  staffMemberName: string;
  system: string;
  action: AccessAction;
  startedAt: string;
  endedAt: string | null;
  reason: string | null;
  sourceIp: string | null;
  sessionId: string | null;
  flags: number;
  recordedAt: string;
}

/**
 * A fixed-order JSON array: canonical by construction and cheap (no key sorting on the 40k entries/s path).
 * The version tag lets the format evolve without re-hashing old entries.
 */
export function canonicalAccessContent(entry: AccessEntryContent): string {
  return JSON.stringify([
    'access/v1',
    entry.externalEventId,
    entry.clientId,
    entry.staffMemberId,
    entry.staffMemberName,
    entry.system,
    entry.action,
    entry.startedAt,
    entry.endedAt,
    entry.reason,
    entry.sourceIp,
    entry.sessionId,
    entry.flags,
    entry.recordedAt,
  ]);
}
