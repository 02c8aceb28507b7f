/**
 * What a build records about itself, beside the site (never inside it, so pages and budgets do
 * not change): the commit it was built from, for `npm run doctor`.
 */

/** The file, in the build's folder (POLO_OUT_DIR), e.g. dist/build-info.json. */
export const buildInfoFile = 'build-info.json';

export interface BuildInfo {
  /** `git rev-parse HEAD` when built, or null outside a git working tree. */
  commit: string | null;
  /** Whether the working tree had changes not committed. */
  changed: boolean;
  /** ISO date of the build. */
  builtAt: string;
}
