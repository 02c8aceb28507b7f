/**
 * What the editor writes when Decap saves a file: nothing when the file would mean the same,
 * else the file as staff left it (comments, key order, quoting, long lines, line ends) with only
 * the changed values replaced. Decap's own text is written the way Decap prints: keys in the
 * order of the form, long lines folded, its own quotes, no comments.
 */
import { describe, expect, it } from 'vitest';
import { fileToWrite } from '../../src/cms/browser/file-to-write';

/** The lines only one of two texts has, e.g. the one line an edit changed. */
function difference(before: string, after: string) {
  const count = (lines: string[]) => {
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const only = (a: string, b: string) => {
    const left = count(b.split('\n'));
    return a.split('\n').filter((line) => {
      const n = left.get(line) ?? 0;
      left.set(line, n - 1);
      return n <= 0;
    });
  };
  return { removed: only(before, after), added: only(after, before) };
}

const hours = `# When the Polo receives the public. Times are Italian time (Europe/Rome).
# Write days in English, lower case.
polo:
  timeZone: Europe/Rome
  lastReviewed: 2026-11-26
  weekly:
    # The mornings and the afternoons.
    - day: monday
      slots:
        - { opens: '09:00', closes: '13:00' }
        - { opens: '15:00', closes: '18:00' }
    - day: thursday # market day
      slots:
        - { opens: '09:00', closes: '13:00' }
  # Dates (YYYY-MM-DD) on which the Polo opens although a holiday would close it.
  openOn: []
`;

/** hours.yaml as Decap prints it: no comments, double quotes, no flow maps. */
function decapHours(changes: { thursdayCloses?: string; openOn?: string[] } = {}) {
  const openOn = changes.openOn ?? [];
  return `polo:
  timeZone: Europe/Rome
  lastReviewed: "2026-11-26"
  weekly:
    - day: monday
      slots:
        - opens: "09:00"
          closes: "13:00"
        - opens: "15:00"
          closes: "18:00"
    - day: thursday
      slots:
        - opens: "09:00"
          closes: "${changes.thursdayCloses ?? '13:00'}"
  openOn:${openOn.length === 0 ? ' []' : openOn.map((d) => `\n    - "${d}"`).join('')}
`;
}

const yaml = (before: string | undefined, written: string) =>
  fileToWrite({ format: 'yaml', before, written });

describe('a YAML file saved from the editor', () => {
  it('is not written when it would mean what it means now', () => {
    expect(yaml(hours, decapHours())).toBeUndefined();
  });

  it('keeps every comment and changes only the line of the value changed', () => {
    const saved = yaml(hours, decapHours({ thursdayCloses: '12:30' }));
    expect(difference(hours, saved ?? '')).toEqual({
      removed: [`        - { opens: '09:00', closes: '13:00' }`],
      added: [`        - { opens: '09:00', closes: '12:30' }`],
    });
    // The edited slot was the second of the two equal lines.
    expect(saved?.split('\n')[13]).toBe(`        - { opens: '09:00', closes: '12:30' }`);
  });

  it('keeps the quoting of a value it changes', () => {
    const before = `name: "Polo"\nnote: 'a'\nplain: b\n`;
    expect(yaml(before, `name: Polo Sociale\nnote: a\nplain: c\n`)).toBe(
      `name: "Polo Sociale"\nnote: 'a'\nplain: c\n`,
    );
  });

  it('quotes a changed value that could not stay unquoted', () => {
    const before = `note: plain words # a comment\n`;
    const saved = yaml(before, `note: "words: with a colon"\n`);
    expect(saved).toMatch(/^note: ["']words: with a colon["'] # a comment\n$/);
  });

  it('keeps a long line on one line', () => {
    const long = 'parole '.repeat(30).trim();
    const before = `summary: ${long}\nother: x\n`;
    const written = `summary: ${long.slice(0, 69)}\n  ${long.slice(70)}\nother: y\n`;
    expect(yaml(before, written)).toBe(`summary: ${long}\nother: y\n`);
  });

  it('adds an item to a list in the style of the items beside it', () => {
    const before = `slots:\n  - { opens: '09:00', closes: '13:00' } # morning\n`;
    const written = `slots:\n  - opens: "09:00"\n    closes: "13:00"\n  - opens: "15:00"\n    closes: "18:00"\n`;
    expect(yaml(before, written)).toBe(
      `slots:\n  - { opens: '09:00', closes: '13:00' } # morning\n  - { opens: '15:00', closes: '18:00' }\n`,
    );
  });

  it('writes the first items of an empty list one a line, its comment kept', () => {
    const saved = yaml(hours, decapHours({ openOn: ['2026-12-24', '2026-12-31'] }));
    expect(difference(hours, saved ?? '')).toEqual({
      removed: ['  openOn: []'],
      added: ['  openOn:', '    - 2026-12-24', '    - 2026-12-31'],
    });
  });

  it('removes an item from the middle of a list and keeps the comments of the others', () => {
    const before = `# Days\ndays:\n  - monday # first\n  - tuesday # second\n  - friday # last\n`;
    expect(yaml(before, `days:\n  - monday\n  - friday\n`)).toBe(
      `# Days\ndays:\n  - monday # first\n  - friday # last\n`,
    );
  });

  it('edits an item of a list in place, with its comment', () => {
    const before = `days:\n  - monday # first\n  - tuesday # second\n`;
    expect(yaml(before, `days: [monday, wednesday]\n`)).toBe(
      `days:\n  - monday # first\n  - wednesday # second\n`,
    );
  });

  it('removes a key with the comment written above it, and nothing else', () => {
    const before = `# The place\nvenue: Comune dei Popoli\n# Only once published.\nphone: '0931 000000'\ncity: Siracusa\n`;
    expect(yaml(before, `venue: Comune dei Popoli\ncity: Siracusa\n`)).toBe(
      `# The place\nvenue: Comune dei Popoli\ncity: Siracusa\n`,
    );
  });

  it('adds a new key after the key it follows in the form', () => {
    const before = `# The place\nvenue: Comune dei Popoli # as written\ncity: Siracusa\n`;
    expect(yaml(before, `venue: Comune dei Popoli\nphone: 0931 000000\ncity: Siracusa\n`)).toBe(
      `# The place\nvenue: Comune dei Popoli # as written\nphone: 0931 000000\ncity: Siracusa\n`,
    );
  });

  it('keeps the spelling of lines the change does not touch, even where YAML allows another', () => {
    const before = `a:   1\nlist:\n- x\n- y\nb: 2\n`;
    expect(yaml(before, `a: 1\nlist: [x, y, z]\nb: 3\n`)).toBe(
      `a:   1\nlist:\n- x\n- y\n- z\nb: 3\n`,
    );
  });

  it('keeps an alias whose value did not change', () => {
    const before = `base: &morning { opens: '09:00' }\nmonday: *morning\nnote: a\n`;
    const written = `base:\n  opens: "09:00"\nmonday:\n  opens: "09:00"\nnote: b\n`;
    expect(yaml(before, written)).toBe(
      `base: &morning { opens: '09:00' }\nmonday: *morning\nnote: b\n`,
    );
  });

  it('keeps Windows line ends', () => {
    const before = hours.replace(/\n/g, '\r\n');
    expect(yaml(before, decapHours())).toBeUndefined();
    const saved = yaml(before, decapHours({ thursdayCloses: '12:30' })) ?? '';
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(difference(before, saved).added).toEqual([
      `        - { opens: '09:00', closes: '12:30' }\r`,
    ]);
  });

  it('writes a new file as Decap wrote it', () => {
    expect(yaml(undefined, decapHours())).toBe(decapHours());
  });

  it('repairs a file that does not parse with what Decap wrote', () => {
    expect(yaml('polo: [unclosed\n', decapHours())).toBe(decapHours());
  });
});

const italian = `---
title: Tavolo territoriale
summary: Due gruppi di lavoro mettono in contatto le organizzazioni che si occupano di migrazione nella provincia di Siracusa.
kind: network # not a desk: the public is not received here
order: 3
lastReviewed: '2026-11-27'
translation: source
---

Fra le attività del Polo ci sono **due tavoli**.

- Il Tavolo territoriale.
`;

/** The Italian file as Decap prints it: summary folded, keys in the form's order, no comment. */
function decapItalian(
  summary: string,
  body = '\nFra le attività del Polo ci sono **due tavoli**.\n\n- Il Tavolo territoriale.\n',
) {
  const folded = summary.replace(/^(.{60}\S*) /, '$1\n  ');
  return `---\ntitle: Tavolo territoriale\nsummary: ${folded}\nlastReviewed: 2026-11-27\ntranslation: source\nkind: network\norder: 3\n---\n${body}`;
}

const summary =
  'Due gruppi di lavoro mettono in contatto le organizzazioni che si occupano di migrazione nella provincia di Siracusa.';

const markdown = (
  before: string | undefined,
  written: string,
  records?: Record<string, string | undefined>,
) => fileToWrite({ format: 'frontmatter', before, written, records });

describe('a Markdown file saved from the editor', () => {
  it('is not written when its fields and its text mean the same', () => {
    expect(markdown(italian, decapItalian(summary))).toBeUndefined();
  });

  it('is not written when Decap only spaces the text otherwise', () => {
    const body =
      'Fra le attività del Polo ci sono **due tavoli**.\n\n- Il Tavolo territoriale.  \n\n';
    expect(markdown(italian, decapItalian(summary, body))).toBeUndefined();
  });

  it('changes only the line of the field changed, its comment and the text kept', () => {
    const saved = markdown(italian, decapItalian(summary.replace('Due', 'Tre')));
    expect(difference(italian, saved ?? '')).toEqual({
      removed: [`summary: ${summary}`],
      added: [`summary: ${summary.replace('Due', 'Tre')}`],
    });
  });

  it('writes a changed text under the frontmatter after the same blank line', () => {
    const saved = markdown(italian, decapItalian(summary, 'Ci sono **tre tavoli**.\n'));
    expect(saved).toBe(italian.replace(/\n\n[\s\S]*$/, '\n\nCi sono **tre tavoli**.\n'));
  });

  it('writes a field the editor records after the translation status', () => {
    const before = italian.replace(
      'translation: source\n',
      'translation: source\nnote: kept last\n',
    );
    const written = decapItalian(summary.replace('Due', 'Tre')).replace(
      'order: 3\n',
      'order: 3\nnote: kept last\n',
    );
    const saved = fileToWrite({
      format: 'frontmatter',
      before,
      written,
      records: { textChanged: '2026-12-07', translationOf: undefined },
      recordsAfter: 'translation',
    });
    expect(difference(before, saved ?? '').added).toEqual([
      `summary: ${summary.replace('Due', 'Tre')}`,
      'textChanged: 2026-12-07',
    ]);
    expect(saved).toContain('translation: source\ntextChanged: 2026-12-07\nnote: kept last\n');
  });

  it('writes a recorded field last when the file has no translation status', () => {
    const saved = markdown('---\ntitle: A\n---\nText.\n', '---\ntitle: B\n---\nText.\n', {
      textChanged: '2026-12-07',
    });
    expect(saved).toBe('---\ntitle: B\ntextChanged: 2026-12-07\n---\nText.\n');
  });

  it('takes a recorded field from the record, not from what Decap held', () => {
    const before = italian.replace('---\n\n', 'textChanged: 2026-11-01\n---\n\n');
    const stale = decapItalian(summary).replace('order: 3', 'order: 3\ntextChanged: 2026-10-01');
    expect(markdown(before, stale, { textChanged: '2026-11-01' })).toBeUndefined();
  });

  it('writes a new translation as Decap wrote it, with what the editor records', () => {
    const written = '---\ntitle: Work\nsummary: The desk.\ntranslation: machine\n---\nText.\n';
    expect(markdown(undefined, written)).toBe(written);
    expect(markdown(undefined, written, { translationOf: '0a1b2c3d' })).toBe(
      '---\ntitle: Work\nsummary: The desk.\ntranslation: machine\ntranslationOf: 0a1b2c3d\n---\nText.\n',
    );
  });

  it('keeps a revision made of digits a string', () => {
    const written = '---\ntitle: Work\ntranslation: machine\n---\nText.\n';
    const saved = markdown(undefined, written, { translationOf: '12345678' }) ?? '';
    expect(saved).toMatch(/^translationOf: (['"])12345678\1$/m);
  });

  it('keeps Windows line ends in the frontmatter and in the text', () => {
    const before = italian.replace(/\n/g, '\r\n');
    expect(markdown(before, decapItalian(summary))).toBeUndefined();
    const saved = markdown(before, decapItalian(summary, 'Ci sono **tre tavoli**.\n')) ?? '';
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(saved).toContain('\r\n---\r\n\r\nCi sono **tre tavoli**.\r\n');
  });

  it('removes a field taken out and keeps the rest', () => {
    const written = decapItalian(summary).replace('kind: network\n', '');
    expect(difference(italian, markdown(italian, written) ?? '')).toEqual({
      removed: ['kind: network # not a desk: the public is not received here'],
      added: [],
    });
  });
});
