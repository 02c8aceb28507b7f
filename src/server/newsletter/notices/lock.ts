/**
 * One sender at a time, across machines: a lease in the database, renewed while the sender
 * runs. A sender killed on this machine is noticed at once (its process is gone, or a zombie
 * its parent has not reaped); one on another machine holds the lease until it expires.
 */
import { readFileSync } from 'node:fs';
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

/** Linux's clock ticks per second for /proc (USER_HZ): 100 on every architecture Node runs on. */
const ticksPerSecond = 100;

/** When this machine booted, in ms since 1970, from `btime` of /proc/stat, if it can be read. */
function bootTime(proc: string): number | undefined {
  try {
    const line = /^btime (\d+)$/m.exec(readFileSync(`${proc}/stat`, 'utf8'));
    return line ? Number(line[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process `pid` exists (one of another user counts). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether process `pid` on this machine can still be the lock's holder (a process of another
 * user counts). With /proc: a zombie (`Z`, `X`: killed, not yet reaped by its parent) is dead,
 * and so is a process started after `renewedAt`, the holder's last renewal (its pid was
 * reused). Where /proc does not show it, whether a process with that pid exists.
 */
export function alive(pid: number, renewedAt?: number, proc = '/proc'): boolean {
  let stat: string;
  try {
    stat = readFileSync(`${proc}/${pid}/stat`, 'utf8');
  } catch {
    // No /proc, or one that hides other users' processes (systemd's ProtectProc=invisible).
    return exists(pid);
  }
  // Field 2 is the name in parentheses, which may hold spaces and ')': count after the last.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  if (state === 'Z' || state === 'X') return false;
  const boot = bootTime(proc);
  const startTicks = Number(fields[19]);
  if (renewedAt === undefined || boot === undefined || !Number.isFinite(startTicks)) return true;
  // btime is rounded down to the second, so this start is never later than the real one.
  return boot + (startTicks * 1000) / ticksPerSecond <= renewedAt;
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
  const renewedAt = Number(held?.['expires_at'] ?? 0) - leaseMs;
  if (!mine && held && held['host'] === host && !alive(Number(held['pid']), renewedAt)) {
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
