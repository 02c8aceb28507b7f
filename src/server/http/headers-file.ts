/**
 * Reads a `_headers` file (the format of Netlify and Cloudflare Pages): a path pattern on its
 * own line, then indented `Name: value` lines. The Node server applies the same file the static
 * hosts do, so both send the same headers.
 */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** The rules of a `_headers` file, in order. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0)
      throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Whether a pattern matches a path, as Netlify matches them: '/_astro/*' matches '/_astro/a.js',
 * and a last segment `*` also matches the folder without its slash ('/admin/*' matches
 * '/admin', never '/administrator').
 */
export function matches(pattern: string, pathname: string): boolean {
  const literal = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const regex = new RegExp(
    `^${pattern
      .replace(/\/\*$/, '\0')
      .split('*')
      .map(literal)
      .join('.*')
      .replace('\0', '(?:/.*)?')}$`,
  );
  return regex.test(pathname);
}

/**
 * The path a rule is matched against: percent-decoded, with `.`, `..` and doubled slashes
 * resolved as a file server resolves them, e.g. '/%5Fastro//a/../x.js' => '/_astro/x.js'.
 * A path that does not decode is matched as it came.
 */
export function normalisedPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Matched as sent; the file server refuses it anyway.
  }
  const parts: string[] = [];
  for (const part of decoded.split('/').slice(1)) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const trailing = /\/\.{0,2}$/.test(decoded) && parts.length > 0 ? '/' : '';
  return `/${parts.join('/')}${trailing}`;
}

/** Headers for a path: every matching rule, later rules overriding earlier ones. */
export function headersFor(rules: HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (matches(rule.pattern, pathname))
      for (const [name, value] of rule.headers) headers.set(name, value);
  }
  return headers;
}

/** A header's value as one line of text, e.g. ['a', 'b'] => 'a, b'; none => ''. */
export function headerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
