import { describe, expect, it } from 'vitest';
import { isolate, isolateLatinRuns, latinPieces } from '../../src/lib/bidi';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolating Latin names in Arabic text', () => {
  it('wraps each Latin run, names with dots and dashes whole', () => {
    expect(
      isolateLatinRuns('برنامج Su.Pr.Eme. Italia، بتمويل من أموال AMIF – Emergency Funds التابعة'),
    ).toBe(
      `برنامج ${FSI}Su.Pr.Eme. Italia${PDI}، بتمويل من أموال ${FSI}AMIF – Emergency Funds${PDI} التابعة`,
    );
  });

  it('leaves the punctuation after a name outside the isolate', () => {
    expect(isolateLatinRuns('سيراكوزا، في Comune dei Popoli.')).toBe(
      `سيراكوزا، في ${FSI}Comune dei Popoli${PDI}.`,
    );
    expect(isolateLatinRuns('مع CPIA, Arci Siracusa; و Oxfam: نعم')).toBe(
      `مع ${FSI}CPIA, Arci Siracusa${PDI}; و ${FSI}Oxfam${PDI}: نعم`,
    );
    expect(isolateLatinRuns('(Mentoring)، (Agenzia per l’Italia digitale (AgID))')).toBe(
      `(${FSI}Mentoring${PDI})، (${FSI}Agenzia per l’Italia digitale${PDI} (${FSI}AgID${PDI}))`,
    );
  });

  it('keeps the dots of an abbreviation, even at the end of a sentence', () => {
    expect(isolateLatinRuns('برنامج Su.Pr.Eme.')).toBe(`برنامج ${FSI}Su.Pr.Eme.${PDI}`);
    expect(isolateLatinRuns('شركة S.p.A.، ثم')).toBe(`شركة ${FSI}S.p.A.${PDI}، ثم`);
  });

  it('keeps an e-mail or web address whole, its full stop outside', () => {
    expect(isolateLatinRuns('اكتب إلى name@example.com.')).toBe(
      `اكتب إلى ${FSI}name@example.com${PDI}.`,
    );
    expect(isolateLatinRuns('انظر https://form.agid.gov.it/.')).toBe(
      `انظر ${FSI}https://form.agid.gov.it/${PDI}.`,
    );
  });

  it('leaves placeholders to be filled', () => {
    expect(isolateLatinRuns('من {opens} إلى {closes}')).toBe('من {opens} إلى {closes}');
    expect(isolateLatinRuns('احصل على الإعلانات عبر RSS {count}')).toBe(
      `احصل على الإعلانات عبر ${FSI}RSS${PDI} {count}`,
    );
  });

  it('leaves Arabic-only text and already isolated text unchanged', () => {
    expect(isolateLatinRuns('أوقات الاستقبال')).toBe('أوقات الاستقبال');
    expect(isolateLatinRuns(`من ${isolate('09:00')}`)).toBe(`من ${isolate('09:00')}`);
  });
});

describe('pieces of text in another script', () => {
  it('tells names from addresses, and leaves digits in the text', () => {
    expect(latinPieces('في Siracusa، اكتب إلى name@example.com من 09:00.')).toEqual([
      { kind: 'text', text: 'في ' },
      { kind: 'name', text: 'Siracusa' },
      { kind: 'text', text: '، اكتب إلى ' },
      { kind: 'address', text: 'name@example.com' },
      { kind: 'text', text: ' من 09:00.' },
    ]);
  });

  it('takes a file’s type for an address, not for a name', () => {
    expect(latinPieces('ملف \u200e.ics فيه')).toEqual([
      { kind: 'text', text: 'ملف \u200e' },
      { kind: 'address', text: '.ics' },
      { kind: 'text', text: ' فيه' },
    ]);
  });

  it('takes a path of the site for an address: its words are no Italian names', () => {
    expect(latinPieces('مثلًا /ar/orari/. يمكنك')).toEqual([
      { kind: 'text', text: 'مثلًا ' },
      { kind: 'address', text: '/ar/orari/' },
      { kind: 'text', text: '. يمكنك' },
    ]);
  });

  it('joins a name to the word of another script it is written against', () => {
    expect(latinPieces('وFondazione Siamo Mediterraneo.')).toEqual([
      { kind: 'text', text: 'و' },
      { kind: 'name', text: 'Fondazione Siamo Mediterraneo' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps names with letters beyond Latin-1 and digits after a word', () => {
    expect(latinPieces('معيار WCAG 2.2، و Łódź').map((p) => p.text)).toEqual([
      'معيار ',
      'WCAG 2.2',
      '، و ',
      'Łódź',
    ]);
  });
});
