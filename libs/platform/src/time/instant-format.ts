import { DateTime } from 'luxon';

export const DISPLAY_TIME_ZONE = 'Europe/Amsterdam';

/**
 * ISO 8601 with the offset of the display zone, e.g. `2026-03-28T10:00:00.000+01:00`. Instants are stored in
 * UTC; people (and the AP) read Amsterdam time, and the offset makes the string unambiguous across DST.
 */
export function formatInstant(instant: Date, zone: string = DISPLAY_TIME_ZONE): string {
  const text = DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: false });
  if (text === null) throw new RangeError(`Cannot format instant ${String(instant)} in zone ${zone}`);
  return text;
}

export function formatOptionalInstant(instant: Date | null | undefined, zone?: string): string | null {
  return instant ? formatInstant(instant, zone) : null;
}
