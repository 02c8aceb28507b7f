/**
 * The systemd units of deploy/: the server runs as its own user, may write only its data
 * folder, and keeps the hardening; the example settings file names only declared settings,
 * and every one the server reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesReadBy, settingNames } from '../../src/settings/settings';

const unit = readFileSync('deploy/polo-siracusa.service', 'utf8');
/** The unit's settings, e.g. 'ProtectSystem' => ['strict']. */
const directives = (text: string) => {
  const found = new Map<string, string[]>();
  for (const [, name = '', value = ''] of text.matchAll(/^([A-Za-z]+)=(.*)$/gm)) {
    found.set(name, [...(found.get(name) ?? []), value.trim()]);
  }
  return found;
};

describe('the server’s systemd unit', () => {
  const set = directives(unit);
  it.each([
    ['ProtectSystem', 'strict'],
    ['StateDirectory', 'polo-siracusa'],
    ['ProtectHome', 'yes'],
    ['PrivateTmp', 'yes'],
    ['NoNewPrivileges', 'yes'],
    ['CapabilityBoundingSet', ''],
    ['RestrictAddressFamilies', 'AF_INET AF_INET6 AF_UNIX'],
    ['SystemCallFilter', '@system-service'],
    ['Restart', 'on-failure'],
    ['WorkingDirectory', '/srv/polo-siracusa'],
    ['EnvironmentFile', '/etc/polo-siracusa/polo-siracusa.env'],
  ])('says %s=%s', (name, value) => {
    expect(set.get(name)).toContain(value);
  });

  it('runs as a user of its own, never root, and writes nowhere but its data and build folders', () => {
    expect(set.get('User')?.[0]).toMatch(/^(?!root$)\w+$/);
    expect(set.get('DynamicUser')).toBeUndefined();
    expect(set.get('ReadWritePaths')).toEqual([
      '/srv/polo-siracusa/.builds /srv/polo-siracusa/.astro',
    ]);
  });

  it('runs the server the way npm start does', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = scripts['start'] ?? '';
    expect(set.get('ExecStart')?.[0]).toMatch(new RegExp(`/node ${start.replace(/^node /, '')}$`));
  });
});

describe('the daily backup', () => {
  it('has a timer starting a backup into the data folder', () => {
    const timer = directives(readFileSync('deploy/polo-siracusa-backup.timer', 'utf8'));
    expect(timer.get('OnCalendar')).toHaveLength(1);
    expect(timer.get('Persistent')).toEqual(['true']);
    const backup = directives(readFileSync('deploy/polo-siracusa-backup.service', 'utf8'));
    expect(backup.get('ExecStart')?.[0]).toContain(
      'newsletter.ts backup "/var/lib/polo-siracusa/backups/',
    );
  });
});

describe('the example settings file', () => {
  const example = readFileSync('deploy/polo-siracusa.env.example', 'utf8');
  const named = [...example.matchAll(/^#?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');

  it('names only declared settings', () => {
    expect(named.filter((name) => !(settingNames as string[]).includes(name))).toEqual([]);
  });

  it('names every setting the server and its commands read', () => {
    const read = new Set([...namesReadBy('server'), ...namesReadBy('commands')]);
    expect([...read].filter((name) => !named.includes(name))).toEqual([]);
  });

  it('holds no secret', () => {
    for (const line of example.split('\n').filter((l) => /^[A-Z]/.test(l))) {
      expect(line).not.toMatch(/SECRET=.|TOKEN=.|SMTP_URL=/);
    }
  });
});
