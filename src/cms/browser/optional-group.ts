/**
 * A group of fields that may be left out whole: a notice's closure, the next timetable. Left
 * empty, nothing in it is asked for, and the entry saves; once one of its fields is written,
 * the others are required, each marked in red by Decap where it is missing ("Manca «Al giorno
 * (compreso)»."). It is Decap's own group of fields (the `object` widget) with that rule.
 *
 * With the options `copyOf`, `add` and `remove` (src/cms/decap-config.ts) the group starts as
 * a copy of another field of the entry: the next timetable starts as the current one, so staff
 * change what changes instead of writing the week again. Empty, it is then one button (`add`);
 * added, a second button (`remove`) takes it away. `copyOf` is the path of the original in the
 * entry's data, e.g. ['polo', 'weekly'].
 */
import type { ImmutableMap, ReactKit, WidgetProps } from './decap';

interface Control {
  validate?: () => void;
  focus?: (path: string) => void;
}

interface GroupProps extends WidgetProps {
  /** The problems Decap found, by field; a field inside the group names it in `parentIds`. */
  fieldsErrors?: { forEach(each: (errors: unknown, id: string) => void): void };
  clearFieldErrors: (id: string) => void;
}

interface Instance {
  props: GroupProps;
  group?: Control | null;
}

/** Whether a value holds nothing written: '', an empty list or group, or groups of those. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object') return false;
  const plain = (value as { toJS?: () => unknown }).toJS?.() ?? value;
  if (Array.isArray(plain)) return plain.length === 0;
  return Object.values(plain).every(isBlank);
}

/** Forget what Decap found wrong inside the group: an empty group has nothing wrong. */
function forgetProblemsWithin({ fieldsErrors, clearFieldErrors, forID }: GroupProps) {
  fieldsErrors?.forEach((errors, id) => {
    const within = (errors as { toJS?: () => unknown }).toJS?.() ?? errors;
    const inGroup = (within as { parentIds?: string[] }[]).some((e) =>
      e.parentIds?.includes(forID),
    );
    if (inGroup) clearFieldErrors(id);
  });
}

const button = {
  font: 'inherit',
  padding: '0.5rem 1rem',
  border: '1px solid #3a69c7',
  borderRadius: '4px',
  background: '#fff',
  color: '#3a69c7',
  cursor: 'pointer',
};

export function optionalGroupWidget({ h, createClass }: ReactKit, objectControl: unknown) {
  return createClass({
    /** The copy, under the name of the original, e.g. { weekly: <the current week> }. */
    start(this: Instance) {
      const { field, getEntry, onChange } = this.props;
      const path = (field.get('copyOf') as { toJS(): string[] }).toJS();
      const data = getEntry().get('data') as ImmutableMap;
      const original = data.getIn(path);
      // An empty Map of Decap's own kind: Decap reads a group's value as an Immutable one.
      const name = path.at(-1) ?? '';
      onChange(original === undefined ? data.clear() : data.clear().set(name, original));
    },
    remove(this: Instance) {
      forgetProblemsWithin(this.props);
      this.props.onChange(undefined);
    },
    // Decap validates a group through its control before saving.
    validate(this: Instance) {
      if (isBlank(this.props.value)) forgetProblemsWithin(this.props);
      else this.group?.validate?.();
    },
    focus(this: Instance, path: string) {
      this.group?.focus?.(path);
    },
    render(this: Instance & { start(): void; remove(): void }) {
      const { field, value } = this.props;
      const copies = field.get('copyOf') !== undefined;
      if (copies && isBlank(value)) {
        return h(
          'div',
          { className: this.props.classNameWrapper },
          h(
            'button',
            { type: 'button', style: button, onClick: () => this.start() },
            String(field.get('add')),
          ),
        );
      }
      return h(
        'div',
        null,
        h(objectControl, {
          ...this.props,
          // Decap hands each field inside a group up to the group's parent too, and keeps the
          // last one for the whole top-level field: the group's own check would then be
          // skipped. The fields inside are checked through this group only.
          controlRef: undefined,
          ref: (control: Control | null) => {
            this.group = control;
          },
        }),
        copies
          ? h(
              'button',
              {
                type: 'button',
                style: { ...button, marginTop: '0.5rem' },
                onClick: () => this.remove(),
              },
              String(field.get('remove')),
            )
          : null,
      );
    },
  });
}
