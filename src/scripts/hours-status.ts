/**
 * Brings the status line to life: open or closed now, in Italian time whatever the device's
 * zone, checked again every minute and whenever the page is shown again. Screen readers hear
 * it only when it changes. The work waits for the page's first paint.
 */
import { hoursStatus, italianIsoString, type ScheduleData } from '../lib/hours/schedule';
import { statusText, type StatusStrings } from '../i18n/status-text';

interface Config {
  data: ScheduleData;
  strings: StatusStrings;
}

function start(element: HTMLElement) {
  const line = element.querySelector('[data-hours-text]') ?? element;
  const { data, strings } = JSON.parse(element.dataset['hoursConfig'] ?? '{}') as Config;
  const update = () => {
    const now = Date.now();
    const status = hoursStatus(data, now);
    element.dataset['state'] = status.state;
    if (status.nextChange === undefined) delete element.dataset['nextChange'];
    else element.dataset['nextChange'] = italianIsoString(status.nextChange);
    const text = statusText(status, now, strings);
    if (line.textContent !== text) line.textContent = text;
  };
  update();
  // Live only after the first text, so the page load itself is not announced.
  element.setAttribute('aria-live', 'polite');
  const tick = () => {
    update();
    setTimeout(tick, 60_000 - (Date.now() % 60_000));
  };
  setTimeout(tick, 60_000 - (Date.now() % 60_000));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') update();
  });
}

// After the first paint: the page shows at once, the line's room already there.
requestAnimationFrame(() =>
  setTimeout(() => document.querySelectorAll<HTMLElement>('[data-hours-status]').forEach(start)),
);
