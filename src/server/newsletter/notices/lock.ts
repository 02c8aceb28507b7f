/**
 * One sender at a time, across machines: a lease in the database, renewed while the sender
 * runs. A sender killed on this machine is noticed at once (its process is gone); one on
 * another machine holds the lease until it expires.
 */
import { hostname } from 'node:os';
import { text, type Database } from '../../core/db.ts';

/** How long a lease lasts without renewal; the sender renews it well before. */
export const leaseMs = 60_000;

export interface LockHolder {
  host: string;
  pid: number;
  expiresAt: number;
}

export interface SendLock {
  /** Extends the lease; false when another sender has taken it (then stop at once). */
  renew(now?: number): Promise<boolean>;
  release(): Promise<void>;
}

/** Whether process `pid` runs on this machine (a process of another user counts). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the senders' lock as `owner`, or says who holds it. */
export async function acquireSendLock(
  db: Database,
  owner: string,
  now = Date.now(),
): Promise<SendLock | LockHolder> {
  const host = hostname();
  const me = { owner, host, pid: process.pid, expires: now + leaseMs, now };
  await db.execute({
    sql: `INSERT INTO send_locks (name, owner, host, pid, expires_at)
          VALUES ('notices', :owner, :host, :pid, :expires)
          ON CONFLICT (name) DO UPDATE SET owner = :owner, host = :host, pid = :pid, expires_at = :expires
          WHERE send_locks.expires_at <= :now`,
    args: me,
  });
  const held = (
    await db.execute("SELECT owner, host, pid, expires_at FROM send_locks WHERE name = 'notices'")
  ).rows[0];
  let mine = held?.['owner'] === owner;
  if (!mine && held && held['host'] === host && !alive(Number(held['pid']))) {
    // Its sender was killed on this machine: take over now rather than when the lease ends.
    const taken = await db.execute({
      sql: `UPDATE send_locks SET owner = :owner, host = :host, pid = :pid, expires_at = :expires
            WHERE name = 'notices' AND owner = :previous`,
      args: { ...me, previous: text(held['owner']) },
    });
    mine = taken.rowsAffected === 1;
  }
  if (!mine) {
    return {
      host: text(held?.['host']),
      pid: Number(held?.['pid'] ?? 0),
      expiresAt: Number(held?.['expires_at'] ?? 0),
    };
  }
  return {
    async renew(at = Date.now()) {
      const renewed = await db.execute({
        sql: "UPDATE send_locks SET expires_at = ? WHERE name = 'notices' AND owner = ?",
        args: [at + leaseMs, owner],
      });
      return renewed.rowsAffected === 1;
    },
    async release() {
      await db.execute({
        sql: "DELETE FROM send_locks WHERE name = 'notices' AND owner = ?",
        args: [owner],
      });
    },
  };
}

/** Type guard: the lock was taken. */
export function isLock(result: SendLock | LockHolder): result is SendLock {
  return 'renew' in result;
}
