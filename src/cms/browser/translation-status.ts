/**
 * The translation status: the Italian original is always "source" (shown, not chosen); a
 * translation is "machine" until a person has checked it, then "reviewed".
 *
 * A tab nobody wrote in keeps no status, so that it writes no file. A tab with words gets
 * "machine" as a real value as soon as it has words: before, the choice only showed "machine"
 * while the value stayed empty, and the save was refused until staff chose it again.
 */
import { sourceLocale } from '../../lib/locales';
import { translationStatus } from '../../schemas/content';
import { jsonSchemaOf } from '../json-schema-fields';
import { optionText } from '../labels';
import type { ImmutableMap, ReactKit, WidgetProps } from './decap';
import { hasWords } from './entry-check';

// The names of the statuses, as the schema gives them to the editor.
const status = jsonSchemaOf(translationStatus);

const isStatus = (value: unknown) => value === 'machine' || value === 'reviewed';

/** The status a tab should hold now: its own, or "machine" once it has words. */
export function settledStatus(locale: string | undefined, value: unknown, words: boolean) {
  if (locale === sourceLocale) return 'source';
  if (isStatus(value)) return value;
  return words ? 'machine' : value;
}

/** The words of a tab as the entry holds them now. */
function tabHasWords(props: WidgetProps): boolean {
  const { locale, getEntry } = props;
  const path = locale === sourceLocale ? ['data'] : ['i18n', locale ?? '', 'data'];
  const data = getEntry().getIn(path) as ImmutableMap | undefined;
  return hasWords(data?.toJS() ?? {});
}

function settle(props: WidgetProps) {
  const wanted = settledStatus(props.locale, props.value, tabHasWords(props));
  if (wanted !== props.value && wanted !== undefined) props.onChange(wanted);
}

// Decap redraws a field only when its own value changes, not when the title of its tab does:
// the status looks again after each thing staff type or click, before any save can start.
const followed = ['input', 'change', 'keyup', 'pointerdown', 'focusin'];

interface Instance {
  props: WidgetProps;
  follow?: () => void;
  mounted?: boolean;
}

export function translationStatusWidget({ h, createClass }: ReactKit) {
  return createClass({
    componentDidMount(this: Instance) {
      this.mounted = true;
      settle(this.props);
      // After the event: the entry then holds what was just typed.
      this.follow = () =>
        setTimeout(() => {
          if (this.mounted) settle(this.props);
        });
      for (const type of followed) document.addEventListener(type, this.follow, true);
    },
    componentWillUnmount(this: Instance) {
      this.mounted = false;
      const follow = this.follow;
      if (follow) for (const type of followed) document.removeEventListener(type, follow, true);
    },
    componentDidUpdate(this: Instance) {
      settle(this.props);
    },
    render(this: Instance) {
      const { locale, value, forID, classNameWrapper, onChange } = this.props;
      if (locale === sourceLocale) {
        return h('p', { id: forID, className: classNameWrapper }, optionText(status, 'source'));
      }
      return h(
        'select',
        {
          id: forID,
          className: classNameWrapper,
          value: value === 'reviewed' ? 'reviewed' : 'machine',
          onChange: (event: Event) => onChange((event.target as HTMLSelectElement).value),
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        },
        ...['machine', 'reviewed'].map((key) =>
          h('option', { key, value: key }, optionText(status, key)),
        ),
      );
    },
  });
}
