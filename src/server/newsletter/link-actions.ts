/**
 * The two links in mails, confirm and leave, as one path: opening the link (GET) only shows a
 * button, so mail scanners that open links change nothing; the button's POST, from this site,
 * does the thing. Each action says how a token is checked and how it is acted on.
 */
import type { AstroGlobal } from 'astro';
import { isLocale } from '../../lib/locales';
import { isCrossSite, readLimited } from '../core/request';
import { services, settings } from '../core/runtime';
import { confirm, tokenIsLive, unsubscribe } from './store';
import { looksLikeToken, verifyUnsubscribeToken } from './tokens';

export type LinkActionKind = 'confirm' | 'unsubscribe';

interface LinkAction {
  /** Whether the token of an opened link can still be acted on. */
  usable(token: string): Promise<boolean>;
  /** Acts on the token; false when it was not usable. */
  act(token: string): Promise<boolean>;
  /** Status of the page for a token that does not work. */
  invalidStatus: number;
}

/** Leaves the list for a signed token; false when the signature does not hold. */
export async function leave(token: string): Promise<boolean> {
  const { config, db } = await services();
  const hash = verifyUnsubscribeToken(config.secret, token);
  if (hash) await unsubscribe(db, hash);
  return hash !== undefined;
}

const actions: Record<LinkActionKind, LinkAction> = {
  confirm: {
    async usable(token) {
      return looksLikeToken(token) && tokenIsLive((await services()).db, token);
    },
    async act(token) {
      return looksLikeToken(token) && (await confirm((await services()).db, token)) === 'confirmed';
    },
    // A confirmation link expires, or was used: gone.
    invalidStatus: 410,
  },
  unsubscribe: {
    async usable(token) {
      return verifyUnsubscribeToken((await services()).config.secret, token) !== undefined;
    },
    act: leave,
    // A link to leave never expires: one that does not verify is malformed.
    invalidStatus: 400,
  },
};

export interface LinkActionOutcome {
  state: 'ask' | 'done' | 'invalid';
  token: string;
}

/**
 * What the page behind a link shows, or the answer to give instead (404 for a language the
 * site does not have, 403 for a POST from another site). Sets the page's status and caching.
 */
export async function linkAction(
  Astro: AstroGlobal,
  kind: LinkActionKind,
): Promise<LinkActionOutcome | Response> {
  if (!isLocale(Astro.params['lang'])) return new Response(null, { status: 404 });
  Astro.response.headers.set('Cache-Control', 'no-store');
  const action = actions[kind];
  let token = Astro.url.searchParams.get('token') ?? '';
  let state: LinkActionOutcome['state'];
  if (Astro.request.method === 'POST') {
    if (isCrossSite(Astro.request, Astro.url, settings().siteUrl))
      return new Response(null, { status: 403 });
    const body = await readLimited(Astro.request, 1024);
    token = body.whole ? (new URLSearchParams(body.text).get('token') ?? '') : '';
    state = (await action.act(token)) ? 'done' : 'invalid';
  } else {
    state = (await action.usable(token)) ? 'ask' : 'invalid';
  }
  if (state === 'invalid') Astro.response.status = action.invalidStatus;
  return { state, token };
}
