/**
 * One CSP header for an answer made on demand, allowing exactly what the site's and the page's
 * policies allow together, never more.
 */
import { describe, expect, it } from 'vitest';
import { inlineHashes, joinPolicies, trimPolicy } from '../../src/lib/csp';

const site = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";
const page =
  "default-src 'self';img-src 'self' data:;base-uri 'none';object-src 'none'; script-src 'self' 'sha256-a'";

describe('joining two policies into one', () => {
  it("adds the site's directives the page lacks, once each", () => {
    const joined = joinPolicies(page, site) ?? '';
    expect(joined.split('; ')).toEqual([
      "default-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "object-src 'none'",
      "script-src 'self' 'sha256-a'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]);
  });

  it.each([
    ['the same directive with other sources', "script-src 'self'", "script-src 'self' data:"],
    ['a directive the other covers by default-src', "default-src 'self'", 'img-src https:'],
    ['script-src-elem beside a script-src', "script-src 'self'", 'script-src-elem https:'],
  ])('gives up on %s (two headers are sent)', (_name, first, second) => {
    expect(joinPolicies(first, second)).toBeUndefined();
    expect(joinPolicies(second, first)).toBeUndefined();
  });

  it("joins a 'none' the other covers by default-src: nothing is allowed either way", () => {
    expect(joinPolicies("default-src 'self'", "object-src 'none'")).toBe(
      "default-src 'self'; object-src 'none'",
    );
  });
});

describe("a page's own hashes", () => {
  it('keeps the hashes of its inline code, and only those', () => {
    const html = '<style>p{}</style><script type="module">go()</script>';
    const used = inlineHashes(html);
    expect(used.size).toBe(2);
    const [style, script] = [...used];
    const policy = `script-src 'self' ${script} 'sha256-other='; style-src 'self' ${style}`;
    expect(trimPolicy(policy, used)).toBe(`script-src 'self' ${script}; style-src 'self' ${style}`);
  });
});
