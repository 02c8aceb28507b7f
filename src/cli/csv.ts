/** CSV for the operators' exports: subscribers (`npm run newsletter -- export`) and reports. */
import type { Subscriber } from '../server/newsletter/store.ts';

/**
 * One CSV cell. A cell that opens with = + - @ (or their full-width forms, which some
 * spreadsheets read alike), a tab or a line break is a formula to a spreadsheet: it gets a
 * leading ' (OWASP's CSV injection advice), which spreadsheets show as text.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\n＝＋－＠]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line and rows, e.g. (['a', 'b'], [['1', '=2']]) => "a,b\n1,'=2\n". */
export function csvTable(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** Rows with a header line, e.g. one subscriber => 'email,lang,…\nana@example.org,it,…\n'. */
export function toCsv(rows: Subscriber[]): string {
  const header = ['email', 'lang', 'consent_version', 'submitted_at', 'confirmed_at'];
  return csvTable(
    header,
    rows.map((r) => [r.email, r.lang, r.consentVersion, r.submittedAt, r.confirmedAt]),
  );
}
