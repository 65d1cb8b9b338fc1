import { DISPLAY_TIME_ZONE } from '@verwerker/platform';
import { DateTime } from 'luxon';
import { DocumentLanguage } from '../render/pdf-meta';

function inDisplayZone(date: Date, language: DocumentLanguage): DateTime {
  const time = DateTime.fromJSDate(date, { zone: DISPLAY_TIME_ZONE }).setLocale(language);
  if (!time.isValid) throw new RangeError(`Cannot format date ${String(date)} for a document`);
  return time;
}

/**
 * "22 november 2026 03:15 (UTC+01:00)". Readers (clients, the AP) read Amsterdam time; the offset keeps the repeated
 * hour at the end of summer time unambiguous, which matters for a 72-hour deadline.
 */
export function formatDateTimeForDocument(date: Date, language: DocumentLanguage): string {
  return inDisplayZone(date, language).toFormat("d MMMM yyyy HH:mm '(UTC'ZZ')'");
}

/** "22 november 2026": the calendar day in Amsterdam, which can differ from the UTC day around midnight. */
export function formatDateForDocument(date: Date, language: DocumentLanguage): string {
  return inDisplayZone(date, language).toFormat('d MMMM yyyy');
}
