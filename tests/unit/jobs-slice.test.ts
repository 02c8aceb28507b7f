/**
 * The scheduled run mails notices in slices: a real libSQL file, a sender that records what
 * it is given, and a clock that moves one second per mail, so a budget means a number of mails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailedNotice, NoticeBundle } from '../../src/schemas/notice-bundle';
import { openDatabase, type Database } from '../../src/server/core/db';
import type { ServerSettings } from '../../src/server/core/settings';
import { runJobs, type NoticeSource } from '../../src/server/jobs/run';
import type { OutgoingMail, Sender } from '../../src/server/mail/transport';
import { finishNotices, startNotice } from '../../src/server/newsletter/notices/deliveries';
import { acquireSendLock } from '../../src/server/newsletter/notices/lock';

const staff = 'redazione@example.org';
const settings = {
  siteUrl: 'https://polo.example.org',
  secret: 'unit-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  staffEmail: staff,
} as ServerSettings;

const notice = (lang: string): MailedNotice => ({
  slug: 'chiusura-prova',
  textLang: lang,
  textDir: lang === 'ar' ? 'rtl' : 'ltr',
  fallback: false,
  translation: lang === 'it' ? 'source' : 'machine',
  title: `Chiusura (${lang})`,
  summary: 'Il Polo chiude.',
  html: '<p>Chiuso.</p>',
  text: 'Chiuso.',
  published: '2099-12-01',
});
const bundle = (lang: string): NoticeBundle => ({
  lang,
  dir: lang === 'ar' ? 'rtl' : 'ltr',
  uiTranslation: lang === 'it' ? 'source' : 'machine',
  strings: {
    siteName: 'Polo',
    machine: 'M',
    fallback: 'F',
    read: 'R',
    why: 'W',
    leave: 'L',
    leaveLink: 'B',
  },
  notices: [notice(lang)],
});
const notices: NoticeSource = () =>
  Promise.resolve(new Map(['it', 'en', 'ar'].map((lang) => [lang, bundle(lang)])));

let dir = '';
let db: Database;
let mails: OutgoingMail[];
/** The clock of the runs: one second per mail handed to the sender. */
let clock: number;
const sender: Sender = {
  send(mail) {
    mails.push(mail);
    clock += 1000;
    return Promise.resolve();
  },
  close() {},
};
const run = (budgetMs: number) =>
  runJobs({ db, sender, settings, notices, budgetMs, now: () => clock });
const toSubscribers = () => mails.filter((m) => m.to !== staff);
const receipts = () => mails.filter((m) => m.to === staff);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polo-jobs-'));
  db = await openDatabase(`file:${join(dir, 'newsletter.db')}`);
  mails = [];
  clock = Date.now();
  for (let i = 0; i < 30; i++) {
    await db.execute({
      sql: `INSERT INTO subscribers (email_hash, email, lang, status, last_mail_at, confirmed_at)
            VALUES (?, ?, ?, 'confirmed', 0, 0)`,
      args: [`h${i}`, `s${i}@example.org`, ['it', 'en', 'ar'][i % 3] ?? 'it'],
    });
  }
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a run of the jobs', () => {
  it('with a budget of 0 sends nothing and leaves every mail for the next run', async () => {
    const report = await run(0);
    expect(mails).toHaveLength(0);
    expect(report).toMatchObject({ noticesSent: 0, noticesLeft: 30, receipts: 0 });
  });

  it('stops at its budget; the next run goes on with no duplicate and one receipt', async () => {
    const first = await run(10_000);
    expect(first).toMatchObject({ noticesSent: 10, noticesLeft: 20, receipts: 0 });
    expect(receipts()).toHaveLength(0);

    const second = await run(60_000);
    expect(second).toMatchObject({ noticesSent: 20, noticesLeft: 0, receipts: 1 });
    const to = toSubscribers().map((m) => m.to);
    expect(to).toHaveLength(30);
    expect(new Set(to).size).toBe(30);
    // Each in their language.
    expect(toSubscribers().find((m) => m.to === 's2@example.org')?.lang).toBe('ar');

    // The receipt left in the same run: counts by language, no address.
    expect(receipts()).toHaveLength(1);
    const receipt = receipts()[0];
    expect(receipt?.subject).toBe('Avviso inviato agli iscritti: Chiusura (it)');
    expect(receipt?.text).toContain('a 30 iscritti');
    expect(receipt?.text).toContain('- arabo: 10');
    expect(receipt?.text).toContain('https://polo.example.org/it/avvisi/chiusura-prova/');
    expect(receipt?.text).not.toMatch(/s\d+@example\.org/);

    const third = await run(60_000);
    expect(third).toMatchObject({ noticesSent: 0, noticesLeft: 0, receipts: 0 });
    expect(mails).toHaveLength(31);
  });

  it('logs one line of counts, with no address, and nothing when there was nothing to do', async () => {
    await run(60_000);
    const info = vi.mocked(console.info);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toBe(
      '[jobs] settled 0 · mailed 1 (0 failed) · notices 30 sent, 0 left · receipts 1',
    );
    await run(60_000);
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('leaves the notices alone while another sender holds the lease, and says so', async () => {
    const held = await acquireSendLock(db, 'someone-else');
    expect('renew' in held).toBe(true);
    const report = await run(60_000);
    expect(report).toMatchObject({ noticesSent: 0, noticesLeft: 0 });
    expect(mails).toHaveLength(0);
    expect(vi.mocked(console.warn).mock.calls[0]?.[0]).toContain(
      'notices: another sender is running',
    );
  });
});

describe('the receipt of a notice', () => {
  it('is made once when two finish the same notice at once', async () => {
    await startNotice(db, 'vuoto', 'run-1');
    await db.execute("UPDATE deliveries SET state = 'sent'");
    const make = () =>
      finishNotices(db, {
        receipt: () => ({ to: staff, subject: 'r', text: 'r', html: 'r', lang: 'it' }),
      });
    const made = await Promise.all([make(), make(), make()]);
    expect(made.reduce((a, b) => a + b, 0)).toBe(1);
    const queued = await db.execute(
      "SELECT COUNT(*) AS n FROM outbox WHERE email_hash LIKE 'receipt:%'",
    );
    expect(Number(queued.rows[0]?.['n'])).toBe(1);
  });
});
