/** Content mistakes in an editor's words: the line, the field by name, one message each. */
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/loaders/content-source';
import { describeIssues, fieldLabel } from '../../src/loaders/content-errors';
import { withOriginalFacts } from '../../src/loaders/language-neutral';
import { mainScript, scriptMismatch } from '../../src/lib/writing-system';
import { hoursSchema, noticeSchema } from '../../src/schemas/content';

const hoursYaml = `polo:
  timeZone: Europe/Rome
  lastReviewed: 2026-11-26
  weekly:
    - day: monday
      slots:
        - { opens: '09:00', closes: '13:00' }
    - day: wednesday
      slots:
        - { opens: '9.00', closes: '13:00' }
        - { opens: '16:00', closes: '15:00' }
`;

function hoursProblems(yaml: string): string[] {
  const source = readSource(yaml, false);
  const data = (source.data as { polo: unknown }).polo;
  const result = hoursSchema.safeParse(data);
  return result.success ? [] : describeIssues(result.error.issues, data, source, ['polo']);
}

describe('schema mistakes', () => {
  it('name the weekday and the period, with the line, once per mistake', () => {
    expect(hoursProblems(hoursYaml)).toEqual([
      'line 10 (weekly › wednesday › period 1 › opens): write a time as HH:MM between 00:00 and 23:59',
      'line 11 (weekly › wednesday › period 2 › closes): the closing time must come after the opening time',
    ]);
  });

  it('say a date in another format is in another format, not that it does not exist', () => {
    const yaml = hoursYaml.replace('lastReviewed: 2026-11-26', 'lastReviewed: 31/12/2026');
    const problems = hoursProblems(yaml).filter((p) => p.includes('lastReviewed'));
    expect(problems).toEqual([
      'line 3 (lastReviewed): write a date as YYYY-MM-DD, for example 2026-11-26',
    ]);
  });

  it('tell a missing field from a wrongly written one', () => {
    const yaml = hoursYaml.replace('  lastReviewed: 2026-11-26\n', '');
    expect(hoursProblems(yaml)[0]).toMatch(/^\(lastReviewed\): missing; write a date/);
  });

  it('label list items without a day by their position', () => {
    expect(fieldLabel(['openOn', 2], { openOn: ['a', 'b', 'c'] })).toBe('openOn › item 3');
  });
});

describe('YAML syntax', () => {
  it('is reported with the line of the Markdown file, frontmatter offset included', () => {
    const source = readSource('---\ntitle: Lavoro\nsummary: a: b: [\n---\nText\n', true);
    expect(source.syntaxErrors[0]).toMatch(/^line 3: the YAML is not valid here/);
  });

  it('asks for the frontmatter when there is none', () => {
    expect(readSource('Just text\n', true).syntaxErrors).toHaveLength(1);
  });
});

describe('facts of a translation', () => {
  const original = {
    source: readSource(
      '---\ntitle: Chiuso\npublished: 2026-12-01\nclosure: { from: 2026-12-24, to: 2027-01-07 }\n---\n',
      true,
    ),
    shownAs: 'content/notices/it/chiusura.md',
  };
  const translation = (frontmatter: string) => ({
    source: readSource(`---\ntitle: Closed\n${frontmatter}---\n`, true),
    shownAs: 'content/notices/en/chiusura.md',
  });
  const facts = ['published', 'closure', 'activity', 'newsletter'];

  it('come from the Italian original when the translation leaves them out', () => {
    const en = translation('');
    const data = withOriginalFacts({ title: 'Closed' }, en, original, facts);
    expect(data).toEqual({
      title: 'Closed',
      published: '2026-12-01',
      closure: { from: '2026-12-24', to: '2027-01-07' },
    });
    const notice = noticeSchema([]).safeParse({
      ...data,
      summary: 's',
      lastReviewed: '2026-12-01',
      translation: 'machine',
    });
    expect(notice.success).toBe(true);
  });

  it('may repeat the same values, written in another order', () => {
    const en = translation('closure:\n  to: 2027-01-07\n  from: 2026-12-24\n');
    expect(() => withOriginalFacts({}, en, original, facts)).not.toThrow();
  });

  it('stop the build naming both files when they differ', () => {
    const en = translation('closure: { from: 2026-12-24, to: 2027-01-06 }\n');
    expect(() => withOriginalFacts({}, en, original, facts)).toThrow(
      /content\/notices\/en\/chiusura\.md:\n {2}line 3 \(closure\): .*2027-01-06.*content\/notices\/it\/chiusura\.md \(line 4\)/,
    );
  });

  it('stop the build when the translation has a fact the original does not', () => {
    const en = translation('activity: lavoro\n');
    expect(() => withOriginalFacts({}, en, original, facts)).toThrow(
      /the Italian original content\/notices\/it\/chiusura\.md does not have it/,
    );
  });
});

describe('the script of a text', () => {
  it('is the one most of its letters are in, Latin names inside Arabic aside', () => {
    expect(mainScript('Le Polo vous reçoit le lundi.')).toBe('Latin');
    expect(mainScript('يستقبل المركز الناس في Comune dei Popoli أيام الاثنين والأربعاء')).toBe(
      'Arabic',
    );
  });

  it('gives a warning for Arabic text in the French folder, none for French', () => {
    expect(scriptMismatch('يستقبل المركز الناس أيام الاثنين', 'Latin', 'Français')).toMatch(
      /mostly in Arabic script, but this folder is for Français/,
    );
    expect(scriptMismatch('Le Polo vous reçoit.', 'Latin', 'Français')).toBeUndefined();
  });
});
