/**
 * The opening hours as an iCalendar file (RFC 5545) that phone calendars import: one weekly
 * event per opening period in Europe/Rome time, with every closed day excluded.
 */
import { closedDayOn, daysBySlot, type ScheduleData } from './schedule';
import { nextDay, previousDay, weekdayOf, type Weekday } from '../calendar-days';
import { siteTimeZone } from '../dates';

// Italian time's rules since 1996, so calendars need no zone database of their own.
const romeTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${siteTimeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const byDay: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** Text value escaped for iCalendar, e.g. 'a, b; c' => 'a\\, b\\; c'. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const digits = (text: string) => text.replace(/\D/g, '');
const compact = (iso: string, hhmm = '') =>
  iso.replace(/-/g, '') + (hhmm ? `T${hhmm.replace(':', '')}00` : '');

export interface CalendarOptions {
  name: string;
  summary: string;
  /** Page the events link to. */
  url: string;
  /** Where, in one line of plain text, e.g. 'Comune dei Popoli, Siracusa'. */
  location?: string;
  /** First and last day covered, YYYY-MM-DD. */
  from: string;
  until: string;
  /** Creation time, for DTSTAMP. */
  now: Date;
}

/** The timetables the file covers, each with its first and last day, e.g. today's, then the next. */
function timetableSpans(data: ScheduleData, from: string, until: string) {
  const next = data.next;
  if (!next || next.from > until) return [{ week: data.weekly, from, until, uid: '' }];
  // The next timetable's events carry its first day, so they never merge with today's.
  const nextSpan = { week: next.weekly, until, uid: `-from${compact(next.from)}` };
  if (next.from <= from) return [{ ...nextSpan, from }];
  return [
    { week: data.weekly, from, until: previousDay(next.from), uid: '' },
    { ...nextSpan, from: next.from },
  ];
}

/** The whole .ics file, lines ending in CRLF. */
export function openingHoursCalendar(data: ScheduleData, options: CalendarOptions): string {
  const stamp = `${options.now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Polo Sociale Integrato di Siracusa//Orari//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${siteTimeZone}`,
    ...romeTimeZone,
  ];
  for (const span of timetableSpans(data, options.from, options.until)) {
    // Days that share an opening period become one weekly event.
    for (const { slot, days } of daysBySlot(span.week)) {
      const dates: string[] = [];
      for (let iso = span.from; iso <= span.until; iso = nextDay(iso)) {
        if (days.includes(weekdayOf(iso))) dates.push(iso);
      }
      const first = dates[0];
      if (!first) continue;
      const closed = dates.filter((iso) => closedDayOn(data, iso));
      lines.push(
        'BEGIN:VEVENT',
        // Stable across builds, so importing a newer file updates the same events.
        `UID:opening-${digits(slot.opens)}-${digits(slot.closes)}-${days.map((d) => byDay[d]).join('')}${span.uid}@polo-siracusa`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${siteTimeZone}:${compact(first, slot.opens)}`,
        `DTEND;TZID=${siteTimeZone}:${compact(first, slot.closes)}`,
        `RRULE:FREQ=WEEKLY;BYDAY=${days.map((d) => byDay[d]).join(',')};UNTIL=${compact(span.until)}T225959Z`,
        ...(closed.length > 0
          ? [
              `EXDATE;TZID=${siteTimeZone}:${closed.map((iso) => compact(iso, slot.opens)).join(',')}`,
            ]
          : []),
        `SUMMARY:${escapeText(options.summary)}`,
        ...(options.location ? [`LOCATION:${escapeText(options.location)}`] : []),
        `URL:${options.url}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
