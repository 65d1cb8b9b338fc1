import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@verwerker/platform';
import { AccessEntryValidator } from './access-entry.validator';
import { AccessEntryDto } from './dto/access-entry.dto';

const NOW = new Date('2026-11-22T12:00:00Z');
const anEntry = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  externalEventId: 'evt-1',
  clientId: '0b8f7a52-6f0e-4c43-9d3b-3a1c2e4f5a6b',
  staffMember: { id: 'emp-1', displayName: 'Jan Jansen' },
  system: 'www.bakkerij.example',
  action: 'login',
  startedAt: '2026-11-22T10:15:00+01:00',
  endedAt: '2026-11-22T10:40:00+01:00',
  reason: 'TICKET-1',
  sourceIp: '2001:db8::7',
  sessionId: 's-1',
  ...overrides,
});

describe('AccessEntryValidator', () => {
  const sut = new AccessEntryValidator(5 * 60_000);

  it('parses a valid batch into instants', () => {
    const result = sut.batch({ entries: [anEntry(), anEntry({ externalEventId: 'evt-2', endedAt: null, reason: null })] }, NOW);
    expect('entries' in result && result.entries[0]).toMatchObject({ staffMemberId: 'emp-1', startedAt: new Date('2026-11-22T09:15:00Z') });
    expect('entries' in result && result.entries[1]).toMatchObject({ endedAt: null, reason: null });
  });

  const badEntries: [string, Record<string, unknown>, string][] = [
    ['an unknown field', anEntry({ colour: 'red' }), 'colour'],
    ['no external event id', anEntry({ externalEventId: undefined }), 'externalEventId'],
    ['a client id that is no UUID', anEntry({ clientId: 'client-1' }), 'clientId'],
    ['no staff member name', anEntry({ staffMember: { id: 'emp-1' } }), 'staffMember.displayName'],
    ['an action outside the list', anEntry({ action: 'hack' }), 'action'],
    ['a start time without offset (ambiguous around DST)', anEntry({ startedAt: '2026-10-25T02:30:00' }), 'startedAt'],
    ['an end before the start', anEntry({ endedAt: '2026-11-22T10:00:00+01:00' }), 'endedAt'],
    ['a start in the future', anEntry({ startedAt: '2026-11-23T10:00:00+01:00' }), 'startedAt'],
    ['a source address that is no IP', anEntry({ sourceIp: '999.1.1.1' }), 'sourceIp'],
    ['an empty reason (send null instead)', anEntry({ reason: '' }), 'reason'],
    ['an over-long system', anEntry({ system: 'x'.repeat(256) }), 'system'],
  ];

  it.each(badEntries)('refuses %s, naming the entry and field', (_case, entry, field) => {
    const result = sut.batch({ entries: [anEntry({ externalEventId: 'ok-0' }), entry] }, NOW);
    expect('errors' in result && result.errors.map((error) => error.field)).toContain(`entries.1.${field}`);
  });

  it.each(badEntries.filter(([name]) => !/future|before the start/.test(name)))('refuses %s just as the documented DTO does', (_case, entry, field) => {
    const dtoErrors = flattenValidationErrors(validateSync(plainToInstance(AccessEntryDto, entry), { whitelist: true, forbidNonWhitelisted: true }));
    expect(dtoErrors.map((error) => error.field)).toContain(field);
    const result = sut.single(entry, NOW);
    expect('errors' in result && result.errors.map((error) => error.field)).toContain(field);
  });

  it('accepts what the DTO accepts', () => {
    expect(validateSync(plainToInstance(AccessEntryDto, anEntry()), { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    expect('entries' in sut.single(anEntry(), NOW)).toBe(true);
  });

  it('reports every bad entry of a batch at once', () => {
    const result = sut.batch({ entries: [anEntry({ action: 'x' }), anEntry({ externalEventId: 'e2' }), anEntry({ externalEventId: 'e3', clientId: 'x' })] }, NOW);
    expect('errors' in result && result.errors.map((error) => error.field)).toEqual(['entries.0.action', 'entries.2.clientId']);
  });

  it('refuses an event id repeated within a batch', () => {
    const result = sut.batch({ entries: [anEntry(), anEntry()] }, NOW);
    expect('errors' in result && result.errors).toEqual([{ field: 'entries.1.externalEventId', messages: ['externalEventId repeats entries.0'] }]);
  });

  it.each([
    ['no entries', { entries: [] }, 'entries'],
    ['more than 1,000 entries', { entries: Array.from({ length: 1001 }, (_, index) => anEntry({ externalEventId: `e${index}` })) }, 'entries'],
    ['not a batch', [anEntry()], 'body'],
  ])('refuses a batch with %s', (_case, body, field) => {
    const result = sut.batch(body, NOW);
    expect('errors' in result && result.errors.map((error) => error.field)).toContain(field);
  });
});
