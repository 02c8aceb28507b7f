/**
 * YAML reads an unquoted 2026-02-30 as 2 March 2026 without a word, so a schema never sees
 * the mistake. This reads the dates as written, before YAML does.
 */
import { isCalendarDate } from '../lib/calendar-days';

const writtenDate =
  /^\s*(?:-\s*)?(?:([\w.]+)\s*:\s*)?['"]?(\d{4})-(\d{2})-(\d{2})['"]?\s*(?:#.*)?$/;

/** Problems with the dates written in a YAML or Markdown file, e.g. 'line 4 (lastReviewed): …'. */
export function impossibleDates(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = writtenDate.exec(line);
    if (!match) return;
    const [, field, year, month, day] = match;
    if (!isCalendarDate(Number(year), Number(month), Number(day))) {
      problems.push(
        `line ${index + 1} (${field ?? 'date'}): ${year}-${month}-${day} does not exist in the calendar`,
      );
    }
  });
  return problems;
}
