import { describe, expect, it } from 'vitest';
import { ifRangeAllows, requestedRange } from '../../src/server/http/byte-range';

describe('a Range header read for a file of 1000 bytes', () => {
  it.each([
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=500-', { kind: 'part', start: 500, end: 999 }],
    ['bytes=-100', { kind: 'part', start: 900, end: 999 }],
    ['Bytes = 10 - 19', { kind: 'part', start: 10, end: 19 }],
    // Past the end: what there is.
    ['bytes=900-5000', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['bytes=999-999', { kind: 'part', start: 999, end: 999 }],
  ])('%s => %o', (header, answer) => {
    expect(requestedRange(header, 1000)).toEqual(answer);
  });

  it.each(['bytes=1000-', 'bytes=1000-1001', 'bytes=-0'])('%s is unsatisfiable', (header) => {
    expect(requestedRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([
    undefined,
    '',
    'bytes=0-1,5-6',
    'bytes=-',
    'bytes=5-4',
    'bytes=a-b',
    'bytes=0.5-1',
    'items=0-1',
    'bytes 0-1',
  ])('%o gets the whole file', (header) => {
    expect(requestedRange(header, 1000)).toEqual({ kind: 'whole' });
  });

  it('an empty file has no byte to send', () => {
    expect(requestedRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(requestedRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('If-Range', () => {
  it.each([
    [undefined, true],
    ['"a-1"', true],
    [' "a-1" ', true],
    ['W/"a-1"', false],
    ['"a-2"', false],
    ['Sat, 05 Dec 2026 10:00:00 GMT', false],
  ])('%o for "a-1" => %o', (header, allowed) => {
    expect(ifRangeAllows(header, '"a-1"')).toBe(allowed);
  });
});
