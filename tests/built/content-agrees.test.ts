/**
 * The build says what the content says, whatever staff have published: the checks read
 * content/ themselves and compare (tests/support/content-invariants.ts), so an edit to the
 * hours, a notice or a new desk changes what they expect, not whether they pass.
 */
import { describe, expect, it } from 'vitest';
import { contentInvariants } from '../support/content-invariants';

const checks = contentInvariants('dist/client', 'content');

describe('the build agrees with content/', () => {
  it.each(Object.entries(checks))('%s', (_name, check) => {
    expect(check()).toEqual([]);
  });
});
