/** What a form sent: its fields, from a form or JSON body, and what every form reads alike. */
import type { BodyType } from '../core/request.ts';

/** The fields of a form or JSON body: each name with every value it was given. */
export type Fields = Map<string, string[]>;

/**
 * Form or JSON body as fields, or undefined when it is not one the form could send. JSON must be
 * an object of strings or arrays of strings; `checkboxes` (e.g. ['consent']) may also be
 * true or false. Any other value (`"report": true`, a number, an object) is refused rather
 * than read as text.
 */
export function fieldsOf(
  body: string,
  type: BodyType,
  checkboxes: readonly string[] = [],
): Fields | undefined {
  const fields: Fields = new Map();
  const add = (name: string, value: string) =>
    fields.set(name, [...(fields.get(name) ?? []), value]);
  if (type === 'form') {
    for (const [name, value] of new URLSearchParams(body)) add(name, value);
    return fields;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string') add(name, value);
    else if (typeof value === 'boolean' && checkboxes.includes(name))
      add(name, value ? 'true' : '');
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      value.forEach((v) => add(name, v));
    else return undefined;
  }
  return fields;
}

/**
 * The fields of a form body cut at the size limit: the last value loses the escape or the
 * letter the cut went through (`%E0%AE` of a Tamil letter's three bytes), nothing else.
 */
export function fieldsOfCutForm(body: string): Fields {
  const fields = fieldsOf(body.replace(/%[0-9a-f]?$/i, ''), 'form') ?? new Map<string, string[]>();
  const last = [...fields.values()].at(-1);
  if (last?.length) last[last.length - 1] = (last.at(-1) ?? '').replace(/\uFFFD+$/, '');
  return fields;
}

/** Whether a checkbox's value means ticked, as a form ('on'), a script or JSON sends it. */
export const ticked = (value: string | undefined): boolean =>
  ['yes', 'on', 'true'].includes(value ?? '');

/**
 * Whether the honeypot (`website`, see Honeypot.astro) was filled: a bot, to answer as anyone
 * and store nothing.
 */
export const honeypotFilled = (fields: Fields): boolean =>
  (fields.get('website') ?? []).some((v) => v.trim() !== '');
