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

/**
 * canonicalAccessContent by concatenation, without JSON.stringify's scan for characters to escape: the same
 * text whenever no string value holds `"`, `\` or a control character. For verification, which reads a million
 * entries and checks that condition (verification/access-chain-rows.ts).
 */
export function concatenatedAccessContent(entry: AccessEntryContent): string {
  return (
    `["access/v1","${entry.externalEventId}","${entry.clientId}","${entry.staffMemberId}","${entry.staffMemberName}","${entry.system}","${entry.action}",` +
    `"${entry.startedAt}",${quotedOrNull(entry.endedAt)},${quotedOrNull(entry.reason)},${quotedOrNull(entry.sourceIp)},${quotedOrNull(entry.sessionId)},` +
    `${entry.flags},"${entry.recordedAt}"]`
  );
}

const quotedOrNull = (value: string | null) => (value === null ? 'null' : `"${value}"`);
