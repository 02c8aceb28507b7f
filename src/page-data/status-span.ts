/**
 * How many days of the status line a page carries, from its build day's Italian midnight.
 * Pages are rebuilt every day; a page saved for offline reading keeps telling open or closed
 * for four weeks after its build, then hides the line and lets the table speak. Measured on
 * the heaviest page (docs/hours.md#the-status-line): 14 days cost about ... B brotli, 28 days ...,
 * 42 days ...
 */
export const statusSpanDays = 42;
