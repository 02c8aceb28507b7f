/**
 * The editor at /admin/: loads Decap CMS (served by the site), adds the translation-status
 * field, and checks every entry with the build's own zod schemas before it is saved, so that
 * what the build would refuse (a closure that ends before it starts, periods out of order, a
 * missing field) is refused here, in Italian, with the field named.
 */
import { sourceLocale } from '../../lib/locales';
import { translationStatus } from '../../schemas/content';
import { jsonSchemaOf } from '../json-schema-fields';
import { optionText } from '../labels';
import { beforeSave } from './before-save';
import { dateWidget } from './date-widget';
import type { DecapGlobals, ImmutableMap, WidgetProps } from './decap';
import { hasWords } from './entry-check';
import { hoursPreview } from './hours-preview';
import { optionalGroupWidget } from './optional-group';

const w = window as unknown as Window & DecapGlobals;

// Decap also hands a widget the entry as it was when the field was drawn.
type StatusProps = WidgetProps & { entry?: ImmutableMap };

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

// The names of the statuses, as the schema gives them to the editor.
const status = jsonSchemaOf(translationStatus);

/**
 * The translation status: the Italian original is always "source" (shown, not chosen); a
 * translation is "machine" until a person has checked it, then "reviewed".
 */
function translationStatusWidget() {
  const { h, createClass } = w;
  // A translation tab gets its status once it has words: a tab left empty writes no file.
  function settle(props: StatusProps) {
    const { locale, value, entry, onChange } = props;
    const wanted =
      locale === sourceLocale
        ? 'source'
        : value === 'machine' || value === 'reviewed'
          ? value
          : hasWords(
                (
                  entry?.getIn(['i18n', locale ?? '', 'data']) as ImmutableMap | undefined
                )?.toJS() ?? {},
              )
            ? 'machine'
            : value;
    if (wanted !== value && wanted !== undefined) onChange(wanted);
  }
  return createClass({
    // Decap redraws a field when its own value changes; this one follows the words too.
    shouldComponentUpdate: () => true,
    componentDidMount(this: { props: StatusProps }) {
      settle(this.props);
    },
    componentDidUpdate(this: { props: StatusProps }) {
      settle(this.props);
    },
    render(this: { props: StatusProps }) {
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

/**
 * Decap writes a file for every language of an entry, "\n" for a tab nobody wrote in; such a
 * file would be a translation with no title. Whatever the git host, it is not written: the
 * page then falls back to Italian, as for any missing translation.
 */
function writeNoEmptyFiles(name: string) {
  const backend = w.CMS.getBackend(name);
  if (!backend) return;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    const persist = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = (entry, options) =>
      persist({ ...entry, dataFiles: entry.dataFiles.filter((f) => f.raw.trim() !== '') }, options);
    return implementation;
  };
}

w.CMS_MANUAL_INIT = true;
await loadScript('/admin/decap/decap-cms.js');
for (const name of ['proxy', 'github', 'gitlab', 'git-gateway']) writeNoEmptyFiles(name);
w.CMS.registerWidget('translation-status', translationStatusWidget());
w.CMS.registerWidget('calendar-day', dateWidget(w));
w.CMS.registerWidget('optional-group', optionalGroupWidget(w, w.CMS.getWidget('object')?.control));
// Decap names a file's template after the file: `hours` of the group of files.
w.CMS.registerPreviewTemplate('hours', hoursPreview(w));
w.CMS.registerEventListener({ name: 'preSave', handler: (event) => beforeSave(event) });
// `decap-server` listens on 8081 unless told otherwise; ?proxy-port=8082 follows it.
const proxyPort = new URLSearchParams(location.search).get('proxy-port');
const config = (await (await fetch('/admin/config.json')).json()) as Record<string, unknown>;
w.CMS.init({
  config: {
    ...config,
    load_config_file: false,
    ...(proxyPort
      ? { local_backend: { url: `http://${location.hostname}:${proxyPort}/api/v1` } }
      : {}),
  },
});
