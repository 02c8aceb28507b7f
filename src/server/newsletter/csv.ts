/** The confirmed subscribers as CSV, for `npm run newsletter -- export`. */
import type { Subscriber } from './store.ts';

/** One CSV cell; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows with a header line, e.g. one subscriber => 'email,lang,…\nana@example.org,it,…\n'. */
export function toCsv(rows: Subscriber[]): string {
  const header = ['email', 'lang', 'consent_version', 'submitted_at', 'confirmed_at'];
  const lines = rows.map((r) =>
    [r.email, r.lang, r.consentVersion, r.submittedAt, r.confirmedAt].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
