/**
 * netlify.toml is the whole Netlify set-up: connecting the repository must build the Netlify
 * target, publish the folder that build writes, and use a Node the project runs on.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { buildSettings } from '../../src/settings/settings';

interface NetlifyToml {
  build?: { command?: string; publish?: string; environment?: Record<string, string> };
  functions?: { directory?: string };
}

const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const config = parse(readFileSync('netlify.toml', 'utf8')) as NetlifyToml;

/** A shell command's leading `NAME=value` words and the rest, e.g. 'A=1 npm run x'. */
function splitCommand(command: string): { env: Record<string, string>; rest: string } {
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=\S*$/.test(words[0] ?? '')) {
    const [name = '', value = ''] = (words.shift() ?? '').split('=');
    env[name] = value;
  }
  return { env, rest: words.join(' ') };
}

/** The lowest version a version spec picks, e.g. '24' => [24, 0, 0], '22.12' => [22, 12, 0]. */
const lowest = (spec: string) => [...spec.split('.').map(Number), 0, 0, 0].slice(0, 3);

/** Whether `version` meets a range of `>=x.y.z` and `^x.y.z` alternatives joined by `||`. */
function meets(version: number[], range: string): boolean {
  const compare = (a: number[], b: number[]) =>
    a.map((part, i) => part - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  return range.split('||').some((alternative) => {
    const match = /^\s*(>=|\^)\s*v?([\d.]+)\s*$/.exec(alternative);
    if (!match) throw new Error(`range not understood: ${alternative}`);
    const floor = lowest(match[2] ?? '');
    return compare(version, floor) >= 0 && (match[1] === '>=' || version[0] === floor[0]);
  });
}

describe('netlify.toml', () => {
  const { env, rest } = splitCommand(config.build?.command ?? '');

  it('builds the Netlify target with the project’s build script', () => {
    expect(env['DEPLOY_TARGET']).toBe('netlify');
    expect(buildSettings(env).netlify).toBe(true);
    expect(rest).toBe('npm run build');
    expect((readJson('package.json')['scripts'] as Record<string, string>)['build']).toBeTruthy();
  });

  it('publishes the folder the Netlify build writes its pages to', () => {
    // With the Netlify adapter the pages go to the build's folder itself (not dist/client/):
    // tests/content/serverless-build.test.ts checks the pages and _headers are there.
    expect(config.build?.publish).toBe(buildSettings(env).outDir);
    expect(config.functions?.directory).toBe('netlify/functions');
    expect(config.functions?.directory?.startsWith(`${config.build?.publish ?? ''}/`)).toBe(false);
  });

  it('uses a Node version the site’s framework and adapter accept', () => {
    const version = lowest(config.build?.environment?.['NODE_VERSION'] ?? '0');
    for (const name of ['astro', '@astrojs/netlify', '@netlify/dev']) {
      const engines = readJson(`node_modules/${name}/package.json`)['engines'] as
        { node?: string } | undefined;
      if (engines?.node)
        expect(meets(version, engines.node), `${name}: ${engines.node}`).toBe(true);
    }
    expect(meets([22, 11, 0], '>=22.12.0')).toBe(false);
    expect(meets([24, 0, 0], '^20.19.0 || >=22.12.0')).toBe(true);
  });
});
