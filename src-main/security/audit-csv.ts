import type { AuditFields } from './audit-chain.js';

const COLUMNS = ['seq', 'at', 'actor', 'role', 'action', 'subject', 'details', 'hash'] as const;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return at the start) is prefixed with an apostrophe, so an exported log cannot attack
 * the supervisor's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit entries as CSV, a header first, CRLF line ends (what spreadsheets expect). */
export function auditCsv(entries: ReadonlyArray<AuditFields & { hash: string }>): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push(
      [
        String(entry.seq),
        entry.at,
        entry.actor,
        entry.role,
        entry.action,
        entry.subject ?? '',
        JSON.stringify(entry.details),
        entry.hash,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
