/** The opening hours as an iCalendar file, for the next two years, closed days excluded. */
import type { APIContext } from 'astro';
import { everyLanguage, poloPlace } from '../../page-data/content';
import { buildDay, scheduleData } from '../../page-data/hours';
import { openingHoursCalendar } from '../../lib/hours/ics';
import { pageUrl } from '../../lib/paths';
import { placeText } from '../../page-data/place';

export const getStaticPaths = everyLanguage;

export async function GET({ locals, site }: APIContext) {
  const { lang, t } = locals;
  const until = `${Number(buildDay.slice(0, 4)) + 2}${buildDay.slice(4)}`;
  const ics = openingHoursCalendar(await scheduleData(lang, t), {
    name: t('site.name'),
    summary: t('ics.summary'),
    url: pageUrl(lang, '/orari/', site),
    location: placeText(await poloPlace(), lang),
    from: buildDay,
    until,
    now: new Date(),
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
