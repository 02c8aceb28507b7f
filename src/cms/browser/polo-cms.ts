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
import { hasWords, problemsOf, type CmsEntry } from './entry-check';
import { keepFilesAsStaffLeftThem, type Backend } from './persist';

interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  deleteIn(path: (string | number)[]): ImmutableMap;
  toJS(): Record<string, unknown>;
}

interface WidgetProps {
  value?: string;
  locale?: string;
  entry?: ImmutableMap;
  forID: string;
  classNameWrapper: string;
  // Callbacks Decap hands over as plain functions: they are called without their object.
  onChange: (value: string) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

interface DecapGlobals {
  CMS_MANUAL_INIT?: boolean;
  CMS: {
    init(options: { config: Record<string, unknown> }): void;
    registerWidget(name: string, control: unknown): void;
    getBackend(name: string): Backend | undefined;
    registerEventListener(listener: {
      name: string;
      handler(event: { entry: ImmutableMap }): unknown;
    }): void;
  };
  // React's createElement and create-react-class, exposed by Decap as plain functions.
  h: (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
  createClass: (spec: Record<string, unknown>) => unknown;
}

const w = window as unknown as Window & DecapGlobals;

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
  function settle(props: WidgetProps) {
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
    componentDidMount(this: { props: WidgetProps }) {
      settle(this.props);
    },
    componentDidUpdate(this: { props: WidgetProps }) {
      settle(this.props);
    },
    render(this: { props: WidgetProps }) {
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

/** Before saving: drop what was left empty, then refuse what the build would refuse. */
function beforeSave({ entry }: { entry: ImmutableMap }) {
  const collection = String(entry.get('collection'));
  const slug = entry.get('slug');
  const data = entry.get('data') as ImmutableMap;
  const i18n = (entry.get('i18n') as ImmutableMap | undefined)?.toJS() ?? {};
  const check: CmsEntry = {
    collection,
    file: typeof slug === 'string' ? slug : '',
    data: data.toJS(),
    translations: Object.fromEntries(
      Object.entries(i18n).map(([locale, value]) => [
        locale,
        (value as { data?: Record<string, unknown> }).data ?? {},
      ]),
    ),
  };
  const { problems, emptyPaths } = problemsOf(check);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return emptyPaths.reduce((kept, path) => kept.deleteIn(path), data);
}

w.CMS_MANUAL_INIT = true;
await loadScript('/admin/decap/decap-cms.js');
for (const name of ['proxy', 'github', 'gitlab', 'git-gateway']) {
  keepFilesAsStaffLeftThem(w.CMS.getBackend(name));
}
w.CMS.registerWidget('translation-status', translationStatusWidget());
w.CMS.registerEventListener({ name: 'preSave', handler: beforeSave });
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
