/**
 * The editor's preview of the opening hours: the week as readers will see it, day by day in
 * Italian, the current timetable and the next one side by side, so that a day the next one
 * closes shows before saving. Decap's own preview listed the raw values ("monday").
 */
import { weekdayName, weekdays, type Weekday } from '../../lib/dates';
import type { PreviewProps, ReactKit } from './decap';
import { dateInWords, inWords } from './messages';

interface Slot {
  opens?: string;
  closes?: string;
}
interface Day {
  day?: Weekday;
  slots?: Slot[];
}
interface Hours {
  weekly?: Day[];
  next?: { from?: string; weekly?: Day[] };
  openOn?: string[];
  lastReviewed?: string;
}

/** The periods of a day in words, e.g. '09:00–13:00 e 15:00–18:00'; '' when closed. */
export function periodsOf(weekly: readonly Day[] | undefined, day: Weekday): string {
  const entry = weekly?.find((d) => d.day === day);
  const slots = (entry?.slots ?? []).filter((s) => s.opens && s.closes);
  return inWords(slots.map((s) => `${s.opens}–${s.closes}`));
}

const cell = { padding: '0.35rem 0.75rem', borderBottom: '1px solid #d8dde3', textAlign: 'left' };
const changed = { ...cell, fontWeight: 700, color: '#9b1c1c' };

/** One row per day of the week; `before` marks the days that change against it. */
function weekTable(h: ReactKit['h'], caption: string, weekly?: Day[], before?: Day[]) {
  return h(
    'table',
    { style: { borderCollapse: 'collapse', margin: '0 0 1.5rem', minWidth: '22rem' } },
    h('caption', { style: { textAlign: 'left', fontSize: '1.15rem', fontWeight: 700 } }, caption),
    h(
      'tbody',
      null,
      ...weekdays.map((day) => {
        const now = periodsOf(weekly, day);
        const then = before ? periodsOf(before, day) : now;
        const closesNow = before !== undefined && then !== '' && now === '';
        const text = now === '' ? (closesNow ? 'chiuso (oggi aperto)' : 'chiuso') : now;
        return h(
          'tr',
          { key: day },
          h('th', { scope: 'row', style: cell }, weekdayName(day, 'it-IT')),
          h('td', { style: before && then !== now ? changed : cell }, text),
        );
      }),
    ),
  );
}

export function hoursPreview({ h, createClass }: ReactKit) {
  return createClass({
    render(this: { props: PreviewProps }) {
      const data = this.props.entry.getIn(['data', 'polo']) as { toJS(): Hours } | undefined;
      const hours = data?.toJS() ?? {};
      const next = hours.next;
      const from = next?.from ? dateInWords(next.from) : '';
      return h(
        'article',
        { lang: 'it', style: { fontFamily: 'system-ui, sans-serif', color: '#1f2933' } },
        weekTable(h, 'Orario attuale', hours.weekly),
        next?.weekly
          ? weekTable(
              h,
              from
                ? `Prossimo orario, dal ${from}`
                : 'Prossimo orario (manca il giorno da cui vale)',
              next.weekly,
              hours.weekly,
            )
          : h('p', null, 'Nessun prossimo orario.'),
        hours.openOn && hours.openOn.length > 0
          ? h('p', null, `Aperture straordinarie: ${inWords(hours.openOn.map(dateInWords))}.`)
          : null,
        hours.lastReviewed
          ? h('p', null, `Ultima verifica: ${dateInWords(hours.lastReviewed)}.`)
          : null,
      );
    },
  });
}
