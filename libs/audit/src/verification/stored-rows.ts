/**
 * What both databases hand the verifier, turned into the text the chain hashed. Pure and free of Nest,
 * TypeORM and path aliases: the verification workers load it on their own.
 */

/**
 * A stored instant as the UTC ISO text it was hashed as (`2026-01-01T12:00:00.120Z`). Both databases give it
 * as `YYYY-MM-DD HH:MM:SS[.fff…]` in UTC: PostgreSQL's timestamptz text in a session at UTC (`+00` after it,
 * trailing zeros of the fraction dropped) and TypeORM's SQLite datetime. Anything else, or a fraction finer
 * than milliseconds (which ingest never writes), is returned in a form that cannot match, so a tampered
 * instant fails its hash.
 */
export function storedUtcToIso(stored: string): string {
  const text = stored.endsWith('+00') ? stored.slice(0, -3) : stored;
  if (text.charCodeAt(10) === 32 /* space */ && text.charCodeAt(19) === 46 /* . */) {
    switch (text.length) {
      case 23:
        return `${text.slice(0, 10)}T${text.slice(11)}Z`;
      case 22:
        return `${text.slice(0, 10)}T${text.slice(11)}0Z`;
      case 21:
        return `${text.slice(0, 10)}T${text.slice(11)}00Z`;
    }
  }
  const parts = STORED_INSTANT.exec(text);
  if (!parts) return `?${stored}`;
  // A fraction finer than milliseconds is kept whole, so the ISO text differs from anything ingest hashed.
  return `${parts[1]}T${parts[2]}.${(parts[3] ?? '').padEnd(3, '0')}Z`;
}

const STORED_INSTANT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:Z|\+00(?::?00)?)?$/;

/** The text of a COPY … TO STDOUT (text format) field: `\N` is NULL, backslash escapes undone. */
export function copyValue(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_match, character: string) => COPY_UNESCAPES[character] ?? character);
}

const COPY_UNESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v', '\\': '\\' };

/**
 * True when every backslash in a COPY text chunk starts a NULL marker and no value holds a double quote: then
 * each value is its own text and, quoted, its own JSON string unless it holds a control character (see
 * accessLinksFromCopy for why that case is still safe). One native scan for each character.
 */
export function isPlainCopyText(text: string): boolean {
  if (text.includes('"')) return false;
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 2)) {
    if (text.charCodeAt(at + 1) !== 78 /* N */) return false;
  }
  return true;
}

/** Splits COPY text into rows of raw fields, for the general path. */
export function parseCopyText(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (const line of text.split('\n')) if (line) rows.push(line.split('\t').map(copyValue));
  return rows;
}
