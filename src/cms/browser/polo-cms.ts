/**
 * The editor at /admin/: loads Decap CMS (served by the site), completes its Italian, adds the
 * editor's own fields (translation status, dates, optional groups such as the next timetable)
 * and the hours' preview, and checks every entry with the build's own zod schemas before it is
 * saved, so that what the build would refuse (a closure that ends before it starts, periods out
 * of order, a missing field) is refused here, in Italian, with the field named.
 */
import { beforeSave } from './before-save';
import { dateWidget } from './date-widget';
import type { DecapGlobals } from './decap';
import { hoursPreview } from './hours-preview';
import { italianPhrases, withPhrases } from './italian-phrases';
import { optionalGroupWidget } from './optional-group';
import { keepFilesAsStaffLeftThem } from './persist';
import { translationStatusWidget } from './translation-status';

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

/** The editor's own parts: Italian words, fields, the hours' preview, the check before saving. */
function registerPoloParts() {
  const { CMS } = w;
  CMS.registerLocale('it', withPhrases(CMS.getLocale('it') ?? {}, italianPhrases));
  CMS.registerWidget('translation-status', translationStatusWidget(w));
  CMS.registerWidget('calendar-day', dateWidget(w));
  CMS.registerWidget('optional-group', optionalGroupWidget(w, CMS.getWidget('object')?.control));
  // Decap names a file's template after the file: `hours` of the group of files.
  CMS.registerPreviewTemplate('hours', hoursPreview(w));
  CMS.registerEventListener({ name: 'preSave', handler: (event) => beforeSave(event) });
}

w.CMS_MANUAL_INIT = true;
await loadScript('/admin/decap/decap-cms.js');
for (const name of ['proxy', 'github', 'gitlab', 'git-gateway']) {
  keepFilesAsStaffLeftThem(w.CMS.getBackend(name));
}
registerPoloParts();
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
