/**
 * Brings the status line to life: open or closed now, in Italian time whatever the device's
 * zone, looked up among the changes the build worked out, again every minute and whenever the
 * page is shown again. Outside the weeks they cover the line hides rather than guess. Screen
 * readers hear it only when it changes. The work waits for the page's first paint.
 */
import { statusAt, type StatusChanges } from '../lib/hours/status-lookup';

function start(element: HTMLElement) {
  const line = element.querySelector('[data-hours-text]') ?? element;
  const changes = JSON.parse(element.dataset['hoursChanges'] ?? '{}') as StatusChanges;
  const update = () => {
    const status = statusAt(changes, Date.now());
    element.hidden = !status;
    if (status) element.dataset['state'] = status.state;
    else delete element.dataset['state'];
    if (status?.nextChange) element.dataset['nextChange'] = status.nextChange;
    else delete element.dataset['nextChange'];
    const text = status?.text ?? '';
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
