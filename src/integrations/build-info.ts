/**
 * Writes {POLO_OUT_DIR}/build-info.json after a build: the commit the site was built from, so
 * that `npm run doctor` can tell a build older than the working tree. Outside dist/client/:
 * nothing served changes.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildInfoFile, type BuildInfo } from '../lib/build-info.ts';

/** `git` in the project's folder, or undefined without git or outside a working tree. */
function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

export function buildInfo(): AstroIntegration {
  let outDir: URL;
  return {
    name: 'polo-build-info',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': () => {
        const commit = git('rev-parse', 'HEAD')?.trim() || null;
        const info: BuildInfo = {
          commit,
          changed: commit !== null && (git('status', '--porcelain') ?? '') !== '',
          builtAt: new Date().toISOString(),
        };
        writeFileSync(
          fileURLToPath(new URL(buildInfoFile, outDir)),
          `${JSON.stringify(info, null, 2)}\n`,
        );
      },
    },
  };
}
