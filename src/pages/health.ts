/**
 * `/health`, for uptime monitors: 200 `ok` when the settings are valid and the database answers,
 * else 503. Nothing else is told, to anyone: the reason is for `npm run doctor` and the log.
 */
import { services } from '../server/core/runtime';

export const prerender = false;

const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/** Whether the last check failed: the log gets one line when the state changes, not per probe. */
let failing = false;

async function check(): Promise<boolean> {
  try {
    const { db } = await services();
    await db.execute('SELECT 1');
    if (failing) console.info('[health] ok again');
    failing = false;
    return true;
  } catch (error) {
    // The error's kind only: a message may carry the database's address.
    if (!failing)
      console.error(`[health] 503: ${(error as Error).name || 'error'}; npm run doctor says why`);
    failing = true;
    return false;
  }
}

export async function GET(): Promise<Response> {
  const ok = await check();
  return new Response(ok ? 'ok\n' : 'unavailable\n', { status: ok ? 200 : 503, headers });
}

export async function HEAD(): Promise<Response> {
  const ok = await check();
  return new Response(null, { status: ok ? 200 : 503, headers });
}
