/**
 * What a careful attacker or an unlucky day would try: a forged Host header, a proxy in front,
 * broken request lines, refused encodings, mail that can never be delivered, leaving while a
 * mail still waits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveSignup } from '../../src/server/newsletter/store';
import {
  cli,
  count,
  mailTo,
  settled,
  signup,
  siteWithMailbox,
  startSite,
  startSmtp,
} from './harness';
import { text } from '../../src/server/core/db';

const setup = siteWithMailbox({ beforeAll, afterAll });

/** A raw HTTP request, with headers fetch would not let us set (Host). */
function raw(
  path: string,
  headers: Record<string, string>,
  body = '',
  site = setup.site,
): Promise<number> {
  const { port } = new URL(site.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('links in mails', () => {
  it('come from the configured address, whatever Host the request names', async () => {
    const status = await raw(
      '/api/newsletter/subscribe',
      { Host: 'evil.example', 'Content-Type': 'application/json', Accept: 'application/json' },
      JSON.stringify({ email: 'host@example.org', consent: 'yes', lang: 'it' }),
    );
    expect(status).toBe(200);
    const [mail] = await setup.smtp.mailsTo('host@example.org');
    expect(mail?.text).not.toContain('evil.example');
    expect(mail?.text).toContain(`${setup.site.url}/it/newsletter/confirm/?token=`);
  });
});

describe('a newcomer running the site locally, with no SITE_URL', () => {
  it('gets a mail whose links lead to the local server, and finishes the flow there', async () => {
    const local = await startSite({ SITE_URL: '' }, { localData: true });
    try {
      const outbox = join(local.env['DATA_DIR'] ?? '', 'outbox');
      const forged = { Host: 'evil.example:80', 'Content-Type': 'application/json' };
      const body = JSON.stringify({ email: 'newcomer@example.org', consent: 'yes', lang: 'it' });
      expect(await raw('/api/newsletter/subscribe', forged, body, local)).toBe(200);
      let file: string | undefined;
      for (let i = 0; i < 100 && !file; i++) {
        file = (existsSync(outbox) ? readdirSync(outbox) : []).find((name) =>
          readFileSync(join(outbox, name), 'utf8').includes('To: newcomer@example.org'),
        );
        if (!file) await new Promise((r) => setTimeout(r, 50));
      }
      const mail = await simpleParser(readFileSync(join(outbox, file ?? 'missing')));
      expect(mail.text).not.toContain('evil.example');
      const link = mail.text?.match(/https?:\/\/\S+\/it\/newsletter\/confirm\/\?token=\S+/)?.[0];
      expect(link).toMatch(new RegExp(`^${local.url}/it/newsletter/confirm/\\?token=`));
      // Sender and Message-ID on the site's domain (the one it was built for), not localhost.
      const page = await (await fetch(`${local.url}/it/`)).text();
      const domain = new URL(/<link rel="canonical" href="([^"]+)"/.exec(page)?.[1] ?? '').hostname;
      expect(mail.messageId).toMatch(new RegExp(`@${domain.replace(/\./g, '\\.')}>$`));
      expect(mail.from?.value[0]?.address).toMatch(new RegExp(`@${domain.replace(/\./g, '\\.')}$`));
      // The log names where the mail is, wherever DATA_DIR is.
      expect(local.logs()).toContain(`mail written to ${join(outbox, file ?? '')}`);

      const opened = await fetch(link ?? '');
      expect(await opened.text()).toContain('data-newsletter-confirm');
      const token = new URL(link ?? '').searchParams.get('token') ?? '';
      const confirmed = await fetch(link ?? '', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: local.url },
        body: `token=${token}`,
      });
      expect(await confirmed.text()).toContain('data-newsletter-outcome="confirmed"');
    } finally {
      await local.stop();
    }
  });
});

describe('a signup answered just before the server stops', () => {
  it('is settled and mailed by the next run, the server’s or the operators’ command', async () => {
    // What the endpoint writes before answering; the server has not settled it yet.
    await receiveSignup(
      setup.site.db,
      setup.site.env['NEWSLETTER_SECRET'] ?? '',
      { email: 'interrupted@example.org', lang: 'fr' },
      (links) => ({
        to: 'interrupted@example.org',
        subject: 'Confirm',
        text: links.confirm,
        html: `<a href="${links.confirm}">confirm</a>`,
        lang: 'fr',
        unsubscribeUrl: links.unsubscribe,
      }),
      {
        confirmUrl: (t) => `${setup.site.url}/fr/newsletter/confirm/?token=${t}`,
        leaveUrls: (t) => ({ leave: t, unsubscribe: t }),
      },
    );
    const sent = await cli(setup.site, 'send');
    expect(sent.status, sent.stderr).toBe(0);
    await setup.smtp.mailsTo('interrupted@example.org');
    await settled(setup.site);
    expect(
      await count(
        setup.site,
        "SELECT COUNT(*) FROM subscribers WHERE email = 'interrupted@example.org' AND status = 'pending'",
      ),
    ).toBe(1);
  });
});

describe('behind an HTTPS proxy', () => {
  it('takes posts from the public address, and counts clients by the proxy’s X-Forwarded-For', async () => {
    const proxied = await startSite({
      SITE_URL: 'https://polo.test',
      TRUST_PROXY: 'true',
      NEWSLETTER_RATE_LIMIT: '2',
    });
    try {
      const from = (client: string, email: string) =>
        signup(
          proxied,
          { email },
          { Origin: 'https://polo.test', 'X-Forwarded-For': `203.0.113.9, ${client}` },
        );
      expect((await from('198.51.100.1', 'p1@example.org')).status).toBe(200);
      expect((await from('198.51.100.1', 'p2@example.org')).status).toBe(200);
      expect((await from('198.51.100.1', 'p3@example.org')).status).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await from('198.51.100.2', 'p4@example.org')).status).toBe(200);
      expect(
        (await signup(proxied, { email: 'p5@example.org' }, { Origin: 'https://evil.example' }))
          .status,
      ).toBe(403);
    } finally {
      await proxied.stop();
    }
  });
});

describe('the server stays up', () => {
  it('answers 400 to a request line no URL parser takes, then serves the next request', async () => {
    const { port } = new URL(setup.site.url);
    const answer = await new Promise<string>((done) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => done(text));
      setTimeout(() => socket.destroy(), 1000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${setup.site.url}/it/`)).status).toBe(200);
  });

  it('respects an encoding the browser refuses (q=0)', async () => {
    const response = await fetch(`${setup.site.url}/it/`, {
      headers: { 'Accept-Encoding': 'br;q=0, gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('the outbox keeps no address longer than needed', () => {
  it('drops a mail the server refuses for good', async () => {
    const picky = await startSmtp();
    const refusing = await startSite(mailTo(picky));
    try {
      // The same port, now refusing every recipient with 550.
      await picky.stop();
      const refuser = await startSmtp(picky.port, { refuse: true });
      try {
        expect((await signup(refusing, { email: 'nobody@example.org' })).status).toBe(200);
        for (
          let i = 0;
          i < 100 && (await count(refusing, 'SELECT COUNT(*) FROM outbox')) > 0;
          i++
        ) {
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(await count(refusing, 'SELECT COUNT(*) FROM outbox')).toBe(0);
        expect(refuser.mails).toEqual([]);
      } finally {
        await refuser.stop();
      }
    } finally {
      await refusing.stop();
    }
  });

  it('forgets a waiting mail when its subscriber leaves, and mails past their link’s 48 hours', async () => {
    // Port 9 (discard): nothing answers SMTP there.
    const down = await startSite(mailTo({ port: 9 }));
    try {
      await signup(down, { email: 'leaver@example.org' });
      await signup(down, { email: 'slow@example.org' });
      await settled(down);
      expect(await count(down, 'SELECT COUNT(*) FROM outbox')).toBe(2);
      const hash = text(
        (
          await down.db.execute(
            "SELECT email_hash FROM subscribers WHERE email = 'leaver@example.org'",
          )
        ).rows[0]?.['email_hash'],
      );
      const { createHmac } = await import('node:crypto');
      const mac = createHmac('sha256', down.env['NEWSLETTER_SECRET'] ?? '')
        .update(`unsubscribe:${hash}`)
        .digest('base64url')
        .slice(0, 22);
      expect(
        (
          await fetch(`${down.url}/api/newsletter/unsubscribe?token=${hash}.${mac}`, {
            method: 'POST',
          })
        ).status,
      ).toBe(200);
      expect(await count(down, "SELECT COUNT(*) FROM outbox WHERE message LIKE '%leaver@%'")).toBe(
        0,
      );

      await down.db.execute('UPDATE outbox SET expires_at = 1');
      await signup(down, { email: 'trigger@example.org' }); // any request starts a drain
      for (
        let i = 0;
        i < 50 &&
        (await count(down, "SELECT COUNT(*) FROM outbox WHERE message LIKE '%slow@%'")) > 0;
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await count(down, "SELECT COUNT(*) FROM outbox WHERE message LIKE '%slow@%'")).toBe(0);
    } finally {
      await down.stop();
    }
  });
});
