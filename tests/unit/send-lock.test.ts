/**
 * The senders' lock is taken over at once when its holder on this machine is dead: gone, a
 * zombie its parent never reaps, or a process that took its pid afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/core/db';
import { acquireSendLock, alive, isLock } from '../../src/server/newsletter/notices/lock';

const dir = mkdtempSync(join(tmpdir(), 'polo-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const procState = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[0];

describe.runIf(existsSync('/proc/self/stat'))('the senders’ lock on Linux', () => {
  it('is taken over at once from a killed sender its parent never reaps (a zombie)', async () => {
    const url = `file:${join(dir, 'zombie.db')}`;
    const holder = resolve('tests/fixtures/lock/holder.ts');
    // The shell starts the sender, then becomes `sleep`, which never waits for its children.
    const parent = spawn(
      'sh',
      ['-c', `'${process.execPath}' '${holder}' '${url}' & exec sleep 1000`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const pid = await new Promise<number>((done, fail) => {
        parent.stdout.on('data', (chunk: Buffer) => {
          const held = /holding (\d+)/.exec(String(chunk));
          if (held) done(Number(held[1]));
        });
        parent.once('exit', () => fail(new Error('the holder stopped')));
      });
      const db = await openDatabase(url);
      expect(isLock(await acquireSendLock(db, 'second'))).toBe(false);
      process.kill(pid, 'SIGKILL');
      while (procState(pid) !== 'Z') await new Promise((r) => setTimeout(r, 20));
      // Its lease has most of its minute left: taken all the same.
      const second = await acquireSendLock(db, 'second');
      expect(isLock(second)).toBe(true);
      db.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('counts a process started after the holder’s last renewal as another (a reused pid)', () => {
    expect(alive(process.pid, Date.now())).toBe(true);
    expect(alive(process.pid, Date.now() - process.uptime() * 1000 - 5_000)).toBe(false);
  });
});

describe('the senders’ lock without /proc', () => {
  it('counts a process as alive while a signal can reach it', () => {
    const noProc = join(dir, 'no-proc');
    expect(alive(process.pid, 0, noProc)).toBe(true);
    const gone = spawn(process.execPath, ['-e', '']);
    return new Promise<void>((done) =>
      gone.once('exit', () => {
        expect(alive(gone.pid ?? 0, 0, noProc)).toBe(false);
        done();
      }),
    );
  });
});
