import { parseCopyText, copyValue, isPlainCopyText, storedUtcToIso } from './stored-rows';

describe('storedUtcToIso', () => {
  // Each row: stored text → the ISO text ingest hashed (canonicalAccessContent: UTC, milliseconds).
  it.each([
    ['PostgreSQL timestamptz text at UTC, milliseconds', '2026-03-29 01:30:00.123+00', '2026-03-29T01:30:00.123Z'],
    ['PostgreSQL drops one trailing zero', '2026-03-29 01:30:00.12+00', '2026-03-29T01:30:00.120Z'],
    ['PostgreSQL drops two trailing zeros', '2026-03-29 01:30:00.1+00', '2026-03-29T01:30:00.100Z'],
    ['PostgreSQL drops a zero fraction', '2026-03-29 01:30:00+00', '2026-03-29T01:30:00.000Z'],
    ['timestamp text without an offset', '2026-03-29 01:30:00.12', '2026-03-29T01:30:00.120Z'],
    ['SQLite datetime text', '2026-10-25 00:59:59.999', '2026-10-25T00:59:59.999Z'],
    ['ISO text written by another tool', '2026-10-25T00:59:59.999Z', '2026-10-25T00:59:59.999Z'],
    ['UTC offset written out', '2026-10-25 00:59:59.5+00', '2026-10-25T00:59:59.500Z'],
  ])('%s', (_case, stored, iso) => {
    expect(storedUtcToIso(stored)).toBe(iso);
  });

  it.each([
    ['microseconds ingest never writes', '2026-03-29 01:30:00.123456'],
    ['another offset', '2026-03-29 01:30:00.123+02'],
    ['not an instant', '29-03-2026 01:30'],
  ])('gives text that matches no hashed instant for %s', (_case, stored) => {
    expect(storedUtcToIso(stored)).not.toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('COPY text', () => {
  it('reads NULL and undoes backslash escapes', () => {
    expect(copyValue('\\N')).toBeNull();
    expect(copyValue('a\\tb\\\\N\\nc')).toBe('a\tb\\N\nc');
    expect(parseCopyText('1\t\\N\tx\n2\ty\\\\\tz\n')).toEqual([['1', null, 'x'], ['2', 'y\\', 'z']]);
  });

  it('is plain only when every backslash starts a NULL and no value holds a double quote', () => {
    expect(isPlainCopyText('1\t\\N\tabc\n2\t\\N\t\\N\n')).toBe(true);
    expect(isPlainCopyText('1\ta"b\n')).toBe(false);
    expect(isPlainCopyText('1\ta\\\\Nb\n')).toBe(false);
    expect(isPlainCopyText('1\ta\\tb\n')).toBe(false);
  });
});
