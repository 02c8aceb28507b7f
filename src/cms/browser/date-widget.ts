/**
 * The date field of the editor: the browser's own `<input type="date">`, which gives YYYY-MM-DD
 * whether the date is typed or picked, written to the file exactly as given. Decap's date widget
 * reread every keystroke through a date library: a year typed digit by digit (0002, 0020, …)
 * became 1902, 1920, … and 2026 was saved as 1906. Beside the field, the date in words, so a
 * slip shows before saving ("giovedì 24 dicembre 2026"); "Oggi" writes today's Italian date,
 * "Svuota" empties the field.
 */
import { italianDay } from '../../lib/hours/schedule';
import type { ReactKit, WidgetProps } from './decap';
import { dateInWords } from './messages';

/** A value as the field shows it: YYYY-MM-DD, or '' (a YAML date may arrive as a Date). */
function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}

const row = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1rem' };
const button = {
  font: 'inherit',
  fontSize: '0.875rem',
  padding: '0.25rem 0.75rem',
  border: '1px solid #798291',
  borderRadius: '4px',
  background: '#fff',
  color: '#313d3e',
  cursor: 'pointer',
};

export function dateWidget({ h, createClass }: ReactKit) {
  return createClass({
    render(this: { props: WidgetProps }) {
      const { value, field, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } =
        this.props;
      const iso = isoOf(value);
      const label = field.get('label');
      const words = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateInWords(iso) : '';
      return h(
        'div',
        { className: classNameWrapper, style: row },
        h('input', {
          id: forID,
          type: 'date',
          // Passed on as the browser gives it: while a year is being typed it reads 0002, 0020…
          // and rewriting it would move the cursor out of the year.
          value: iso,
          onChange: (event: Event) => onChange((event.target as HTMLInputElement).value),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
          'aria-describedby': `${forID}-words`,
          style: { font: 'inherit', padding: '0.25rem 0.5rem' },
        }),
        h('span', { id: `${forID}-words`, 'aria-live': 'polite' }, words),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Oggi, ${String(label)}`,
            onClick: () => onChange(italianDay(Date.now()).iso),
            style: button,
          },
          'Oggi',
        ),
        // Emptying a browser's date field takes a key per part: one button does it.
        iso
          ? h(
              'button',
              {
                type: 'button',
                'aria-label': `Svuota, ${String(label)}`,
                onClick: () => onChange(''),
                style: button,
              },
              'Svuota',
            )
          : null,
      );
    },
  });
}
