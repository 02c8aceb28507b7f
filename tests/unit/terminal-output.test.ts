/**
 * The operators' commands print what anyone could type (reports, addresses, settings): a
 * terminal shows control characters as visible escapes and never acts on them, and a CSV
 * export holds no formula a spreadsheet would run.
 */
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/cli/csv';
import { jsonText, printable } from '../../src/cli/terminal';

describe('text for a terminal', () => {
  it.each([
    ['an ESC sequence that clears the screen', 'a\u001b[2Jb', 'a\\u{1b}[2Jb'],
    ['one that retitles the window', '\u001b]0;owned\u0007x', '\\u{1b}]0;owned\\u{7}x'],
    ['a C1 control sequence introducer', 'a\u009b31mb', 'a\\u{9b}31mb'],
    ['a backspace that hides what was printed', 'yes\b\b\bno', 'yes\\u{8}\\u{8}\\u{8}no'],
    ['a carriage return that overwrites the line', 'ok\rFAIL', 'ok\\u{d}FAIL'],
    ['a right-to-left override', 'abc\u202Edef', 'abc\\u{202e}def'],
    ['a bidi isolate', '\u2066x\u2069', '\\u{2066}x\\u{2069}'],
    ['DEL and NUL', 'a\u007f\u0000b', 'a\\u{7f}\\u{0}b'],
  ])('shows %s as an escape', (_name, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('keeps line ends, tabs and the letters of every script, joiners included', () => {
    const text = 'Riga uno\r\nRiga due\n\tالقائمة لا تُفتح\nශ්‍රී ලංකාව\nதமிழ்';
    expect(printable(text)).toBe(text);
  });

  it('writes JSON that reads back as the same value, with nothing left for a terminal to run', () => {
    const value = { text: 'a\u001b[2J\u009b\u202E\u007fb', email: 'ana@example.org' };
    const json = jsonText(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(printable(json)).toBe(json);
  });
});

describe('a CSV export', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","click")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['＝1+1'],
  ])('defuses a cell that opens as a formula: %j', (cell) => {
    const [, row] = csvTable(['text'], [[cell]]).split(/\n(?=.)/);
    expect(row?.replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves ordinary cells as they are, quoting only what CSV needs', () => {
    expect(
      csvTable(
        ['id', 'text'],
        [
          ['1', 'Il menu, non si apre'],
          ['2', 'a "b"'],
        ],
      ),
    ).toBe('id,text\n1,"Il menu, non si apre"\n2,"a ""b"""\n');
  });
});
