import { AccessEntryContent, canonicalAccessContent } from '../access/access-entry.content';
import { contentHash } from '../chain/chain-hash';
import { accessLinkOfRow, accessLinkOfSqliteRow, accessLinksFromCopy } from './access-chain-rows';

const CONTENT: AccessEntryContent = {
  externalEventId: 'panel-8812',
  clientId: '0c244c4c-9884-4dcb-a3d1-0d8ec57f7616',
  staffMemberId: 'emp-17',
  staffMemberName: 'Sanne de Vries',
  system: 'shop.bakkerij-jansen.nl',
  action: 'login',
  startedAt: '2026-10-25T00:30:00.120Z',
  endedAt: null,
  reason: 'TICKET-4711',
  sourceIp: '198.51.100.7',
  sessionId: null,
  flags: 4,
  recordedAt: '2026-10-25T00:30:01.000Z',
};

/** A stored row as both databases give it: instants as UTC text, the content hash of what ingest hashed. */
function storedRow(stored: AccessEntryContent, hashedAs: AccessEntryContent = stored): (string | number | null)[] {
  const utc = (iso: string | null) => (iso === null ? null : iso.replace('T', ' ').replace('Z', ''));
  return [
    7, stored.externalEventId, stored.clientId, stored.staffMemberId, stored.staffMemberName, stored.system, stored.action,
    utc(stored.startedAt), utc(stored.endedAt), stored.reason, stored.sourceIp, stored.sessionId, stored.flags, utc(stored.recordedAt),
    contentHash(canonicalAccessContent(hashedAs)), 'e'.repeat(64), null,
  ];
}

const INSTANT_COLUMNS = [7, 8, 13, 16];

/** The same row as PostgreSQL's COPY … TO STDOUT writes it in a session at UTC (instants end in +00). */
function copyLine(row: (string | number | null)[]): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const text = (value: string | number | null, index: number) => (value === null ? '\\N' : escape(INSTANT_COLUMNS.includes(index) ? `${value}+00` : String(value)));
  return `${row.map(text).join('\t')}\n`;
}

const decoders = {
  'COPY text': (row: (string | number | null)[]) => [...accessLinksFromCopy(copyLine(row))][0],
  'a SQLite row': (row: (string | number | null)[]) => accessLinkOfSqliteRow(row),
};

describe.each(Object.entries(decoders))('access rows from %s', (_source, decode) => {
  const verifies = (row: (string | number | null)[]) => {
    const link = decode(row);
    return link.computedContentHash === link.contentHash;
  };

  it.each([
    ['plain values', CONTENT],
    ['a double quote', { ...CONTENT, staffMemberName: 'Jan "JJ" Jansen' }],
    ['a backslash', { ...CONTENT, system: 'C:\\inetpub\\wwwroot' }],
    ['a tab and a newline', { ...CONTENT, reason: 'TICKET-1\tper mail\nbevestigd' }],
    ['a control character', { ...CONTENT, sessionId: 'sess\u0001x' }],
    ['a NULL-looking text', { ...CONTENT, reason: '\\N' }],
    ['non-ASCII', { ...CONTENT, staffMemberName: 'Łukasz Żółć', system: 'sklep.example.pl' }],
  ])('verifies an untouched entry with %s', (_case, content) => {
    expect(verifies(storedRow(content))).toBe(true);
  });

  it.each([
    // A value changed so that pasting it between quotes would rebuild the hashed JSON text.
    ['a quote escaped by hand', { ...CONTENT, staffMemberName: 'Jan "JJ" Jansen' }, { ...CONTENT, staffMemberName: 'Jan \\"JJ\\" Jansen' }],
    ['a control character written out', { ...CONTENT, sessionId: 'sess\u0001x' }, { ...CONTENT, sessionId: 'sess\\u0001x' }],
    ['a NULL made the text \\N', { ...CONTENT, reason: null }, { ...CONTENT, reason: '\\N' }],
    ['an instant moved by a microsecond', CONTENT, { ...CONTENT, startedAt: '2026-10-25T00:30:00.120001Z' }],
    ['one character', CONTENT, { ...CONTENT, reason: 'TICKET-4712' }],
  ])('catches %s', (_case, hashed, stored) => {
    expect(verifies(storedRow(stored, hashed))).toBe(false);
  });

  it('gives the exact path the same link', () => {
    const row = storedRow(CONTENT);
    expect(decode(row)).toEqual(accessLinkOfRow(row));
  });
});
