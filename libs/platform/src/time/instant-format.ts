import { DateTime } from 'luxon';

export const DISPLAY_TIME_ZONE = 'Europe/Amsterdam';

/**
 * ISO 8601 with the offset of the display zone, e.g. `2026-03-28T10:00:00.000+01:00`. Instants are stored in
 * UTC; people (and the AP) read Amsterdam time, and the offset makes the string unambiguous across DST.
 */
export function formatInstant(instant: Date, zone: string = DISPLAY_TIME_ZONE): string {
  const offset = zone === DISPLAY_TIME_ZONE ? displayOffsetMinutes(instant.getTime()) : null;
  if (offset === null) return formatWithLuxon(instant, zone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString();
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local.slice(0, 23)}${offset < 0 ? '-' : '+'}${hours}:${minutes}`;
}

export function formatOptionalInstant(instant: Date | null | undefined, zone?: string): string | null {
  return instant ? formatInstant(instant, zone) : null;
}

function formatWithLuxon(instant: Date, zone: string): string {
  const text = DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: false });
  if (text === null) throw new RangeError(`Cannot format instant ${String(instant)} in zone ${zone}`);
  return text;
}

const DAY_MS = 86_400_000;
/** UTC day → the display zone's offset that day, or null on a day with a change (looked up per instant). */
const dayOffsets = new Map<number, number | null>();

/**
 * The display zone's offset, from a per-day cache: a list of access entries formats thousands of instants, and
 * asking luxon for each costs about 5 µs. A day whose first and last millisecond have the same offset has it
 * throughout (Amsterdam changes at most once a day, at 01:00 UTC); on the two change days a year the instant
 * is asked about itself. Null for an invalid date.
 */
function displayOffsetMinutes(ms: number): number | null {
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / DAY_MS);
  let offset = dayOffsets.get(day);
  if (offset === undefined) {
    const first = DateTime.fromMillis(day * DAY_MS, { zone: DISPLAY_TIME_ZONE }).offset;
    const last = DateTime.fromMillis((day + 1) * DAY_MS - 1, { zone: DISPLAY_TIME_ZONE }).offset;
    offset = first === last ? first : null;
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(day, offset);
  }
  return offset ?? DateTime.fromMillis(ms, { zone: DISPLAY_TIME_ZONE }).offset;
}
