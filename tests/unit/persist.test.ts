/**
 * A save through any git host: the files Decap hands over are read as they are in the
 * repository first, and only what changed goes out. An Italian typo fix writes the Italian file
 * and nothing else; a save that changes nothing sends nothing, and Decap still reports it saved.
 */
import { describe, expect, it } from 'vitest';
import {
  italianToday,
  keepFilesAsStaffLeftThem,
  type Backend,
  type DataFile,
  type Implementation,
  type SavedEntry,
} from '../../src/cms/browser/persist';
import { textRevision } from '../../src/lib/text-revision';

const today = '2026-12-07';
const longSummary = {
  it: 'Lo sportello ti aiuta per l’accesso al credito e lavora con il centro per l’impiego di Siracusa.',
  en: 'The desk helps you with access to credit and works with the centro per l’impiego of Siracusa.',
  ar: 'يساعدك المكتب في الوصول إلى القروض، ويعمل مع مركز التوظيف في سيراكوزا.',
};
const body = {
  it: 'Lo **Sportello Lavoro** fa due cose.',
  en: 'The **Work desk** does two things.',
};

const repository = {
  'content/activities/it/lavoro.md': `---\ntitle: Lavoro\nsummary: ${longSummary.it}\norder: 2\nlastReviewed: 2026-11-27\ntranslation: source\n---\n\n${body.it}\n`,
  'content/activities/en/lavoro.md': `---\ntitle: Work\nsummary: ${longSummary.en}\nlastReviewed: 2026-11-27\ntranslation: machine\ntranslationOf: 0badcafe\n---\n\n${body.en}\n`,
  'content/hours.yaml': `# Italian time.\npolo:\n  weekly:\n    - { day: monday, opens: '09:00' } # mornings\n`,
};

/** Decap's text of a file: long lines folded, keys in the form's order. */
const folded = (text: string) => text.replace(/^(summary: .{50}\S*) /m, '$1\n  ');
const decap = {
  it: (summary = longSummary.it) =>
    folded(
      `---\ntitle: Lavoro\nsummary: ${summary}\nlastReviewed: 2026-11-27\ntranslation: source\norder: 2\n---\n\n${body.it}\n`,
    ),
  en: () =>
    folded(
      `---\ntitle: Work\nsummary: ${longSummary.en}\nlastReviewed: 2026-11-27\ntranslation: machine\n---\n\n${body.en}\n`,
    ),
};

type Host = 'proxy' | 'github' | 'gitlab';

/** A git host holding `files`, answering a missing file as that host does. */
function fakeBackend(host: Host, files: Record<string, string> = { ...repository }) {
  const sent: SavedEntry[] = [];
  const implementation: Implementation = {
    getEntry(path) {
      const data = files[path];
      if (data !== undefined) return Promise.resolve({ data });
      if (host === 'gitlab')
        return Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }));
      return Promise.resolve({ data: host === 'proxy' ? null : '' });
    },
    persistEntry(entry) {
      sent.push(entry);
      for (const file of entry.dataFiles) files[file.path] = file.raw;
      return Promise.resolve({ message: 'entry persisted' });
    },
  };
  const backend: Backend = { init: () => implementation };
  keepFilesAsStaffLeftThem(backend, () => today);
  return { implementation: backend.init(), sent, files };
}

const save = (implementation: Implementation, dataFiles: DataFile[], collectionName: string) =>
  implementation.persistEntry({ dataFiles, assets: [] }, { collectionName });

const desk = (lang: string, raw: string): DataFile => ({
  path: `content/activities/${lang}/lavoro.md`,
  raw,
});

describe('a save through the editor', () => {
  it.each<Host>(['proxy', 'github', 'gitlab'])(
    'writes only the Italian file for an Italian typo fix (%s)',
    async (host) => {
      const { implementation, sent, files } = fakeBackend(host);
      const fixed = longSummary.it.replace('ti aiuta', 'ti sostiene');
      await save(
        implementation,
        [desk('it', decap.it(fixed)), desk('en', decap.en()), desk('fr', '\n')],
        'activities',
      );
      expect(sent.map((e) => e.dataFiles.map((f) => f.path))).toEqual([
        ['content/activities/it/lavoro.md'],
      ]);
      expect(files['content/activities/it/lavoro.md']).toBe(
        repository['content/activities/it/lavoro.md']
          .replace(longSummary.it, fixed)
          .replace('---\n\n', `textChanged: ${today}\n---\n\n`),
      );
      expect(files['content/activities/en/lavoro.md']).toBe(
        repository['content/activities/en/lavoro.md'],
      );
    },
  );

  it('writes no file for a translation tab nobody wrote in, whatever defaults Decap filled', async () => {
    const { implementation, sent } = fakeBackend('proxy');
    const fixed = longSummary.it.replace('ti aiuta', 'ti sostiene');
    await save(
      implementation,
      [desk('it', decap.it(fixed)), desk('fr', '---\ntextChanged: ""\n---\n'), desk('so', '\n')],
      'activities',
    );
    expect(sent[0]?.dataFiles.map((f) => f.path)).toEqual(['content/activities/it/lavoro.md']);
  });

  it('sends nothing when nothing changed, and the save still succeeds', async () => {
    const { implementation, sent } = fakeBackend('proxy');
    await expect(
      save(implementation, [desk('it', decap.it()), desk('en', decap.en())], 'activities'),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('gives a new translation the revision of the Italian words it translates', async () => {
    const { implementation, files } = fakeBackend('github');
    const arabic = `---\ntitle: العمل\nsummary: ${longSummary.ar}\ntranslation: machine\n---\nالنص.\n`;
    await save(implementation, [desk('it', decap.it()), desk('ar', arabic)], 'activities');
    const revision = textRevision({ title: 'Lavoro', summary: longSummary.it, body: body.it });
    expect(files['content/activities/ar/lavoro.md']).toBe(
      arabic.replace('---\nالنص', `translationOf: ${revision}\n---\nالنص`),
    );
    // The Italian words did not change: the Italian file is left alone.
    expect(files['content/activities/it/lavoro.md']).toBe(
      repository['content/activities/it/lavoro.md'],
    );
  });

  it('records nothing in a file that is not translated', async () => {
    const { implementation, files } = fakeBackend('proxy');
    const hours = `polo:\n  weekly:\n    - day: monday\n      opens: "08:30"\n`;
    await save(implementation, [{ path: 'content/hours.yaml', raw: hours }], 'hours-and-place');
    expect(files['content/hours.yaml']).toBe(
      `# Italian time.\npolo:\n  weekly:\n    - { day: monday, opens: '08:30' } # mornings\n`,
    );
  });

  it('moves an unchanged file with its renamed entry', async () => {
    const { implementation, sent } = fakeBackend('proxy');
    const moved = { ...desk('en', decap.en()), newPath: 'content/activities/en/impiego.md' };
    await save(implementation, [moved], 'activities');
    expect(sent[0]?.dataFiles).toEqual([
      { ...moved, raw: repository['content/activities/en/lavoro.md'] },
    ]);
  });

  it('stops the save when the host cannot say what a file holds', async () => {
    const implementation: Implementation = {
      getEntry: () => Promise.reject(Object.assign(new Error('Bad gateway'), { status: 502 })),
      persistEntry: () => Promise.resolve(undefined),
    };
    const backend: Backend = { init: () => implementation };
    keepFilesAsStaffLeftThem(backend, () => today);
    await expect(save(backend.init(), [desk('it', decap.it())], 'activities')).rejects.toThrow(
      'Bad gateway',
    );
  });
});

describe('the day of an Italian edit', () => {
  it('is the day in Italy, not in UTC', () => {
    expect(italianToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(italianToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
