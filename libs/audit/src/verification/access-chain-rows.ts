import type { AccessAction } from '../access/access-entry.entity';
import { canonicalAccessContent } from '../access/access-entry.content';
import { contentHash } from '../chain/chain-hash';
import type { StoredLink } from './chain-verifier';
import { parseCopyText, copyValue, isPlainCopyText, storedUtcToIso } from './stored-rows';

/**
 * Access-log rows as the verifier reads them. Instants come as stored UTC text (see storedUtcToIso); the
 * columns are in the order of ACCESS_CHAIN_COLUMNS. Not the entry id: a million of them would be read for the
 * one a failure names, which the caller looks up by position.
 */
export const ACCESS_CHAIN_COLUMNS = [
  'seq', 'external_event_id', 'client_id', 'staff_member_id', 'staff_member_name', 'system', 'action', 'started_at', 'ended_at',
  'reason', 'source_ip', 'session_id', 'flags', 'recorded_at', 'content_hash', 'entry_hash', 'purged_at',
] as const;

type StoredValue = string | number | bigint | null;

/** One row of raw values (better-sqlite3 raw rows, or decoded COPY fields) to its link, hashing its content the exact way. */
export function accessLinkOfRow(row: readonly unknown[]): StoredLink {
  const [seq, externalEventId, clientId, staffMemberId, staffMemberName, system, action, startedAt, endedAt, reason, sourceIp, sessionId, flags, recordedAt, storedContentHash, entryHash, purgedAt] =
    row as StoredValue[];
  const text = (value: StoredValue) => (value === null ? null : String(value));
  const startedIso = storedUtcToIso(String(startedAt));
  const purgedIso = purgedAt === null ? null : storedUtcToIso(String(purgedAt));
  return {
    seq: Number(seq),
    id: null,
    contentHash: String(storedContentHash),
    entryHash: String(entryHash),
    eventTime: startedIso,
    purgedAt: purgedIso,
    computedContentHash: purgedIso
      ? null
      : contentHash(
          canonicalAccessContent({
            externalEventId: String(externalEventId),
            clientId: String(clientId),
            staffMemberId: text(staffMemberId) ?? '',
            staffMemberName: text(staffMemberName) ?? '',
            system: String(system),
            action: String(action) as AccessAction,
            startedAt: startedIso,
            endedAt: endedAt === null ? null : storedUtcToIso(String(endedAt)),
            reason: text(reason),
            sourceIp: text(sourceIp),
            sessionId: text(sessionId),
            flags: Number(flags),
            recordedAt: storedUtcToIso(String(recordedAt)),
          }),
        ),
  };
}

/**
 * A chunk of COPY text to links, one at a time: each is garbage as soon as it is verified, which keeps the
 * garbage collector's work to young-generation scavenges. The common case (isPlainCopyText) builds each canonical JSON by
 * concatenation instead of decoding fields and JSON.stringify: two to three times less work per entry.
 *
 * Why that cannot pass a tampered entry: with no `"` or `\` in any value, the concatenation equals
 * JSON.stringify of the values (the columns not quoted here are typed: integers, uuids, timestamps) unless a
 * value holds a control character, and then it holds that character
 * raw, which JSON.stringify never writes, so it cannot equal the text that was hashed. A match therefore means
 * the exact canonical text matched. A mismatch is decided on the exact path, so such a value that was
 * legitimately stored is still verified correctly.
 */
export function* accessLinksFromCopy(text: string): Generator<StoredLink> {
  if (!isPlainCopyText(text)) {
    for (const row of parseCopyText(text)) yield accessLinkOfRow(row);
    return;
  }
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    const field = line.split('\t');
    const startedAt = storedUtcToIso(field[7]);
    const purged = field[16] !== NULL;
    const link: StoredLink = {
      seq: Number(field[0]),
      id: null,
      contentHash: field[14],
      entryHash: field[15],
      eventTime: startedAt,
      purgedAt: purged ? storedUtcToIso(field[16]) : null,
      computedContentHash: null,
    };
    if (!purged) {
      const canonical =
        `["access/v1","${field[1]}","${field[2]}",${orEmpty(field[3])},${orEmpty(field[4])},"${field[5]}","${field[6]}","${startedAt}",` +
        `${field[8] === NULL ? 'null' : `"${storedUtcToIso(field[8])}"`},${orNull(field[9])},${orNull(field[10])},${orNull(field[11])},${field[12]},"${storedUtcToIso(field[13])}"]`;
      link.computedContentHash = contentHash(canonical);
      if (link.computedContentHash !== link.contentHash) link.computedContentHash = accessLinkOfRow(line.split('\t').map(copyValue)).computedContentHash;
    }
    yield link;
  }
}

/**
 * One better-sqlite3 row to its link, by the same concatenation as accessLinksFromCopy when no embedded value
 * holds `"` or `\` (SQLite's columns are not typed, so every value is checked), else the exact way.
 */
export function accessLinkOfSqliteRow(row: readonly unknown[]): StoredLink {
  const [seq, externalEventId, clientId, staffMemberId, staffMemberName, system, action, startedAt, endedAt, reason, sourceIp, sessionId, flags, recordedAt, storedContentHash, entryHash, purgedAt] =
    row as StoredValue[];
  if (purgedAt !== null) return accessLinkOfRow(row);
  const startedIso = storedUtcToIso(String(startedAt));
  const endedIso = endedAt === null ? null : storedUtcToIso(String(endedAt));
  const recordedIso = storedUtcToIso(String(recordedAt));
  const flagsNumber = Number(flags);
  if (
    !Number.isSafeInteger(flagsNumber) ||
    !plain(externalEventId) || !plain(clientId) || !plain(staffMemberId) || !plain(staffMemberName) || !plain(system) || !plain(action) ||
    !plain(startedIso) || !plain(endedIso) || !plain(reason) || !plain(sourceIp) || !plain(sessionId) || !plain(recordedIso)
  ) {
    return accessLinkOfRow(row);
  }
  const canonical =
    `["access/v1","${externalEventId}","${clientId}","${staffMemberId ?? ''}","${staffMemberName ?? ''}","${system}","${action}","${startedIso}",` +
    `${endedIso === null ? 'null' : `"${endedIso}"`},${reason === null ? 'null' : `"${reason}"`},${sourceIp === null ? 'null' : `"${sourceIp}"`},` +
    `${sessionId === null ? 'null' : `"${sessionId}"`},${flagsNumber},"${recordedIso}"]`;
  const computed = contentHash(canonical);
  const link: StoredLink = {
    seq: Number(seq),
    id: null,
    contentHash: String(storedContentHash),
    entryHash: String(entryHash),
    eventTime: startedIso,
    purgedAt: null,
    computedContentHash: computed,
  };
  return computed === link.contentHash ? link : accessLinkOfRow(row);
}

/** A value that is its own JSON string body when quoted (but for control characters, see above). */
function plain(value: StoredValue): boolean {
  return value === null || typeof value === 'number' || (typeof value === 'string' && !value.includes('"') && !value.includes('\\'));
}

const NULL = '\\N';
const orNull = (field: string) => (field === NULL ? 'null' : `"${field}"`);
const orEmpty = (field: string) => (field === NULL ? '""' : `"${field}"`);
