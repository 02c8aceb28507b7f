/**
 * How many days of the status line a page carries, from its build day's Italian midnight.
 * Pages are rebuilt every day, so only a page kept for offline reading lives longer: six weeks
 * cover one read through a month away, then the line hides and the table speaks. Each week
 * costs little (7 December 2026, heaviest page, brotli: 14 days 9,824 B, 28 days 9,824 B,
 * 42 days 9,869 B; docs/content.md#the-status-line).
 */
export const statusSpanDays = 42;
