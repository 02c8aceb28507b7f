/**
 * Every built page is valid HTML by the W3C's checker (tests/support/html-checker.ts): the
 * errors it finds are the ones browsers and assistive technology guess their way around,
 * differently from one another.
 */
import { expect, it } from 'vitest';
import { htmlErrors } from '../support/html-checker';

it('has no error on any built page', async () => {
  const { errors, readAll } = await htmlErrors('dist/client');
  expect(errors).toEqual([]);
  expect(readAll, 'the checker read every page').toBe(true);
});
