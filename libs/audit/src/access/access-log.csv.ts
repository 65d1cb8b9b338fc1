import { formatInstant } from '@verwerker/platform';
import { AccessLogEntry } from './access-entry.entity';
import { flagNames } from './rules/access-flags';

const HEADER = ['seq', 'started_at', 'ended_at', 'client_id', 'staff_member_id', 'staff_member', 'system', 'action', 'reason', 'source_ip', 'session_id', 'external_event_id', 'entry_hash'];

export function accessCsvHeader(withFlags: boolean): string {
  return csvLine(withFlags ? [...HEADER, 'flags'] : HEADER);
}

export function accessCsvRow(entry: AccessLogEntry, withFlags: boolean): string {
  const cells = [
    String(entry.seq),
    formatInstant(entry.startedAt),
    entry.endedAt ? formatInstant(entry.endedAt) : '',
    entry.clientId,
    entry.staffMemberId ?? '',
    entry.staffMemberName ?? '',
    entry.system,
    entry.action,
    entry.reason ?? '',
    entry.sourceIp ?? '',
    entry.sessionId ?? '',
    entry.externalEventId,
    entry.entryHash,
  ];
  return csvLine(withFlags ? [...cells, flagNames(entry.flags).join(' ')] : cells);
}

/**
 * RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would run as a formula (=, +, -, @):
 * the log holds text from the control panel, and a CSV opened in Excel must not execute it.
 */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
