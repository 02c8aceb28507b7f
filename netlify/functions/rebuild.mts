/**
 * Netlify rebuilds the site once a day, so that what its pages say ahead of time (the next
 * opening for readers without JavaScript, the upcoming closures, the notices) stays current.
 * A build starts on a POST to a build hook (Netlify: Project configuration › Build & deploy ›
 * Build hooks), kept in NETLIFY_BUILD_HOOK: a secret, since it lets anyone start builds.
 * Scheduled functions run in UTC: '@daily' is 00:00 UTC, after midnight in Italy all year.
 */
import { asText, readEnv } from '../../src/settings/settings.ts';

export default async function rebuild(): Promise<Response> {
  const hook = asText(readEnv('site')['NETLIFY_BUILD_HOOK']).trim();
  if (!hook) {
    console.warn('[rebuild] NETLIFY_BUILD_HOOK is not set: pages are rebuilt only on a deploy');
    return new Response(null, { status: 204 });
  }
  if (!URL.canParse(hook) || !/^https?:$/.test(new URL(hook).protocol)) {
    console.error('[rebuild] NETLIFY_BUILD_HOOK must be the address of a build hook (https://…)');
    return new Response(null, { status: 500 });
  }
  try {
    // The hook's address never goes to the log: it is the secret.
    const answer = await fetch(hook, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) console.error(`[rebuild] the build hook answered ${answer.status}`);
    return new Response(null, { status: answer.ok ? 204 : 502 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replaceAll(hook, '…') : 'error';
    console.error(`[rebuild] the build hook could not be reached: ${reason}`);
    return new Response(null, { status: 502 });
  }
}

export const config = { schedule: '@daily' };
