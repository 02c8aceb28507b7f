import { describe, expect, it } from 'vitest';
import { isolate, isolateLatinRuns } from '../../src/lib/bidi';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolating Latin names in Arabic text', () => {
  it('wraps each Latin run, names with dots and dashes whole', () => {
    expect(
      isolateLatinRuns('برنامج Su.Pr.Eme. Italia، بتمويل من أموال AMIF – Emergency Funds التابعة'),
    ).toBe(
      `برنامج ${FSI}Su.Pr.Eme. Italia${PDI}، بتمويل من أموال ${FSI}AMIF – Emergency Funds${PDI} التابعة`,
    );
    expect(isolateLatinRuns('سيراكوزا، في Comune dei Popoli.')).toBe(
      `سيراكوزا، في ${FSI}Comune dei Popoli.${PDI}`,
    );
  });

  it('keeps an e-mail address whole', () => {
    expect(isolateLatinRuns('مثلًا name@example.com')).toBe(`مثلًا ${FSI}name@example.com${PDI}`);
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
