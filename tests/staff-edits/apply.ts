/**
 * The edits staff make in an ordinary month, applied to a copy of the content, dated from the
 * day they are applied so they never go stale: Tuesday's hours changed (opened 10:00–12:00
 * where it was closed), a closure next month, a notice without closure, a new desk written in
 * Italian only, and one English translation of a desk deleted. The suites must pass on the
 * result as they pass on the real content (docs/testing.md).
 *
 * Run by Node itself (`npm run test:staff-edits`) as well as by Vitest: imports carry `.ts`,
 * and nothing from src/ whose imports Node could not follow.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { isMap, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** What was changed, for the tests to look for. */
export interface StaffEdits {
  /** The day the edits were written, YYYY-MM-DD in Italy. */
  today: string;
  /** Tuesday's one period after the edit. */
  tuesday: { opens: string; closes: string };
  closure: { slug: string; title: string; from: string; to: string };
  notice: { slug: string; title: string; activity: string };
  newDesk: { slug: string; title: string; order: number };
  /** The English file deleted: the English page falls back to the Italian text. */
  deletedTranslation: { lang: string; slug: string };
}

/** A YAML file at the repository's root (it need not exist): its Prettier settings apply. */
const repositoryYaml = fileURLToPath(new URL('../../hours.yaml', import.meta.url));

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** YYYY-MM-DD of an instant in Italy, e.g. 2026-12-31T23:30Z => '2027-01-01'. */
export const italianDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(instant);

/** A day of the month after `today`'s, e.g. ('2026-12-07', 4) => '2027-01-04'. */
function nextMonthDay(today: string, day: number): string {
  const [year = 0, month = 1] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month, day, 12)).toISOString().slice(0, 10);
}

/** Front matter and text as a Markdown file of the content. */
const markdown = (fields: string[], text: string) => `---\n${fields.join('\n')}\n---\n\n${text}\n`;

/** A period as written in hours.yaml: a flow map of single-quoted times, as staff write it. */
function period(opens: string, closes: string): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of [
    ['opens', opens],
    ['closes', closes],
  ] as const) {
    const time = new Scalar(value);
    time.type = Scalar.QUOTE_SINGLE;
    map.set(key, time);
  }
  map.flow = true;
  return map;
}

/**
 * Tuesday in the timetable in force: 10:00–12:00 where it was closed; where it was open,
 * 10:00–12:00 too, or 10:30–12:30 if that is what it already was.
 */
async function editTuesday(contentDir: string, today: string) {
  const path = join(contentDir, 'hours.yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const next = doc.getIn(['polo', 'next']);
  const inForce = isMap(next) && String(next.get('from')) <= today ? ['polo', 'next'] : ['polo'];
  const weekly = doc.getIn([...inForce, 'weekly']);
  if (!isSeq(weekly)) throw new Error(`${path}: no weekly timetable`);
  const days = weekly.items.filter(isMap);
  const tuesday = days.find((d) => d.get('day') === 'tuesday');
  const was = tuesday?.toJSON() as { slots?: { opens: string; closes: string }[] } | undefined;
  const unchanged = was?.slots?.length === 1 && was.slots[0]?.opens === '10:00';
  const hours = unchanged
    ? { opens: '10:30', closes: '12:30' }
    : { opens: '10:00', closes: '12:00' };
  const slots = new YAMLSeq();
  slots.add(period(hours.opens, hours.closes));
  if (tuesday) {
    tuesday.set('slots', slots);
  } else {
    const day = new YAMLMap();
    day.set('day', 'tuesday');
    day.set('slots', slots);
    // Days stay in week order, as staff keep them.
    const after = days.filter((d) => weekdays.indexOf(String(d.get('day'))) < 1).length;
    weekly.items.splice(after, 0, day);
  }
  doc.setIn(['polo', 'lastReviewed'], today);
  // Formatted as the repository's `npm run format` would, wherever the copy is.
  const options = { ...(await resolveConfig(repositoryYaml)), filepath: path };
  writeFileSync(path, await format(doc.toString(), options));
  return hours;
}

/** Desks as their Italian files say: slug and order. */
function desksOf(contentDir: string) {
  const folder = join(contentDir, 'activities', 'it');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return {
        slug: name.slice(0, -3),
        order: Number(/^order:\s*(\d+)/m.exec(front)?.[1] ?? 0),
        network: /^kind:\s*network\b/m.test(front),
      };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** Applies the month's edits to the content in `contentDir` (a copy: it is changed in place). */
export async function applyStaffEdits(contentDir: string, now = new Date()): Promise<StaffEdits> {
  const today = italianDate(now);
  const tuesday = await editTuesday(contentDir, today);
  const desks = desksOf(contentDir);
  const firstDesk = desks.find((d) => !d.network);
  if (!firstDesk) throw new Error(`${contentDir}/activities/it has no desk to edit`);

  // From the 1st to the 4th of next month: an opening day among any four days in a row, and
  // never as far as five weeks ahead, where the editor's own test writes its closure.
  const closure = {
    slug: 'chiusura-per-inventario',
    title: 'Chiuso per l’inventario della sede',
    from: nextMonthDay(today, 1),
    to: nextMonthDay(today, 4),
  };
  const notices = join(contentDir, 'notices', 'it');
  mkdirSync(notices, { recursive: true });
  writeFileSync(
    join(notices, `${closure.slug}.md`),
    markdown(
      [
        `title: ${closure.title}`,
        'summary: Il Polo resta chiuso per quattro giorni per l’inventario della sede.',
        `published: ${today}`,
        `lastReviewed: ${today}`,
        'translation: source',
        'newsletter: true',
        'closure:',
        `  from: ${closure.from}`,
        `  to: ${closure.to}`,
      ],
      'In questi giorni il Polo è chiuso. Per urgenze rivolgiti ai servizi sociali del Comune.',
    ),
  );

  const notice = {
    slug: 'incontri-di-gruppo',
    title: 'Incontri di gruppo ogni mese',
    activity: firstDesk.slug,
  };
  writeFileSync(
    join(notices, `${notice.slug}.md`),
    markdown(
      [
        `title: ${notice.title}`,
        'summary: Lo sportello organizza un incontro di gruppo ogni mese.',
        `published: ${today}`,
        `lastReviewed: ${today}`,
        'translation: source',
        `activity: ${notice.activity}`,
      ],
      'Ogni mese lo sportello organizza un incontro di gruppo. Chiedi la data allo sportello.',
    ),
  );

  const newDesk = {
    slug: 'consulenza-legale',
    title: 'Consulenza legale',
    order: Math.max(0, ...desks.map((d) => d.order)) + 1,
  };
  writeFileSync(
    join(contentDir, 'activities', 'it', `${newDesk.slug}.md`),
    markdown(
      [
        `title: ${newDesk.title}`,
        'summary: Lo sportello ti spiega i documenti e ti dice a chi chiedere aiuto per il permesso di soggiorno.',
        `order: ${newDesk.order}`,
        `lastReviewed: ${today}`,
        'translation: source',
      ],
      'Hai un dubbio sul permesso di soggiorno?\n\nLo **Sportello Consulenza legale** ti spiega i documenti e ti dice a chi chiedere aiuto.',
    ),
  );

  // The English file of the first desk that has one: that page falls back to Italian.
  const translated = desks.find((d) =>
    existsSync(join(contentDir, 'activities', 'en', `${d.slug}.md`)),
  );
  if (!translated) throw new Error(`${contentDir}/activities/en has no desk to delete`);
  rmSync(join(contentDir, 'activities', 'en', `${translated.slug}.md`));

  return {
    today,
    tuesday,
    closure,
    notice,
    newDesk,
    deletedTranslation: { lang: 'en', slug: translated.slug },
  };
}
