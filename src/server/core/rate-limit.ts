/** How often one client may post a form: a counter per client and window, in the database. */
import { createHmac } from 'node:crypto';
import type { Database } from './db.ts';

/**
 * Counts a request of one client in the current window; true while within `limit`.
 * The client is a keyed fingerprint of its network address, never the address itself.
 */
export async function withinRateLimit(
  db: Database,
  clientKey: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<boolean> {
  const windowStart = now - (now % windowMs);
  const result = await db.execute({
    sql: `INSERT INTO rate_limits (key, window_start, count) VALUES (:key, :window, 1)
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN window_start = :window THEN count + 1 ELSE 1 END,
            window_start = :window
          RETURNING count`,
    args: { key: clientKey, window: windowStart },
  });
  return Number(result.rows[0]?.['count'] ?? 0) <= limit;
}

/** Keyed fingerprint of a client's network address, for rate limits; the address is not kept. */
export function clientKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`client:${address}`).digest('base64url').slice(0, 22);
}
