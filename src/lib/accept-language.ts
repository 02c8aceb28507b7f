/**
 * The site language a browser asks for, from its `Accept-Language` header (RFC 9110, 12.5.4):
 * ranges in order of their q-value, each matched by lookup (RFC 4647, 3.4: 'ar-EG' falls back
 * to 'ar'), `q=0` refusing that language, `*` alone never a choice. The header comes from
 * anyone: whatever it holds costs at most `maxRanges` short steps, and a malformed range is
 * skipped, never an error.
 */

/** Ranges read at most: browsers send a handful; the rest of a longer header is ignored. */
const maxRanges = 32;
/** A language range (RFC 4647, 2.1), e.g. 'ar', 'pt-BR', 'zh-Hant-TW', or '*'. */
const rangeSyntax = /^(?:\*|[a-z]{1,8}(?:-[a-z\d]{1,8})*)$/i;
/** A weight (RFC 9110, 12.4.2), e.g. 'q=0.5', 'Q=1.000'. */
const weightSyntax = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

interface Range {
  tag: string;
  q: number;
}

/** The header's ranges, lower-cased, e.g. 'so, IT;q=0.5' => [{so, 1}, {it, 0.5}]. */
export function languageRanges(header: string): Range[] {
  const ranges: Range[] = [];
  // Splits only up to the ranges read: a header of a million commas costs no more.
  for (const part of header.split(',', maxRanges)) {
    const [rawTag = '', ...params] = part.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!rangeSyntax.test(tag)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const trimmed = param.trim().replace(/\s*=\s*/, '=');
      const weight = weightSyntax.exec(trimmed);
      if (weight) q = Number(weight[1]);
      else if (/^q=/i.test(trimmed)) valid = false;
    }
    if (valid) ranges.push({ tag, q });
  }
  return ranges;
}

/**
 * The best of `available` (lower-case primary tags, in the site's order) for a header, or
 * undefined when it names none of them, e.g. ('so,it;q=0.5', [...]) => 'so',
 * ('ar-EG', [...]) => 'ar', ('pt-BR,fr;q=0.8', [...]) => 'fr', ('de', [...]) => undefined.
 */
export function preferredLanguage<T extends string>(
  header: string | undefined,
  available: readonly T[],
): T | undefined {
  if (!header) return undefined;
  const ranges = languageRanges(header);
  const refused = new Set(ranges.filter((r) => r.q === 0).map((r) => r.tag));
  // A stable sort: of equal weights, the one the browser names first wins.
  const wanted = ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    // Lookup: 'zh-hant-tw', then 'zh-hant', then 'zh'.
    const subtags = tag.split('-');
    for (let length = subtags.length; length > 0; length--) {
      const candidate = subtags.slice(0, length).join('-');
      const match = available.find((code) => code === candidate);
      if (match && !refused.has(match)) return match;
    }
  }
  return undefined;
}
