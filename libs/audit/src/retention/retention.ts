import { DateTime } from 'luxon';

/**
 * The moment before which entries are past retention: `months` calendar months before now (DOMAIN.md §5:
 * months are calendar months), counted in Amsterdam so that "six months" ends at a local midnight boundary
 * the way people read it.
 */
export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' }).minus({ months }).toJSDate();
}
