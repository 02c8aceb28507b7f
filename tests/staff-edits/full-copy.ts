/**
 * `npm run test:staff-edits`: the whole of `npm test` on a copy of the repository whose content
 * has a month of staff edits (apply.ts). The tests read the content of the folder they run in,
 * so every suite, the browser ones too, runs on the edited content: it passes when no test
 * holds a copy of today's hours, notices or desks.
 *
 * The copy is the working tree as git sees it (tracked and new files, not ignored ones), in
 * the system's temporary folder, with node_modules hard-linked, not copied. It is removed after a
 * pass and kept after a failure, to look into; `--keep` keeps it anyway. PORT and the other
 * settings of `npm test` pass through.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyStaffEdits } from './apply.ts';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const keep = process.argv.includes('--keep');

/** The working tree's files, as git sees them: tracked or new, not ignored, not deleted. */
function workingTree(): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repository, encoding: 'utf8' },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((path) => path && existsSync(join(repository, path)));
}

const caches = ['.vite', '.vite-temp', '.vitest-cache', '.astro', '.cache'];

/**
 * `from` rebuilt at `to` of hard links: no room taken, and a real folder, not a link to one,
 * which the Netlify adapter needs (it links its function's node_modules relative to the
 * project, and a symlinked node_modules would send that link outside the copy).
 */
function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    // Tools' caches are the project's own, and rewritten in place: a shared file would carry
    // the copy's cache back into the repository.
    if (caches.includes(entry.name)) continue;
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else linkSync(source, target);
  }
}

const copy = mkdtempSync(join(tmpdir(), 'polo-staff-edits-'));
for (const path of workingTree()) {
  mkdirSync(dirname(join(copy, path)), { recursive: true });
  cpSync(join(repository, path), join(copy, path));
}
try {
  linkTree(join(repository, 'node_modules'), join(copy, 'node_modules'));
} catch (error) {
  // Another file system than the temporary folder's: a link to the folder (the Netlify
  // function's test then fails for that reason alone).
  console.warn(`node_modules linked, not hard-linked: ${String(error)}`);
  rmSync(join(copy, 'node_modules'), { recursive: true, force: true });
  symlinkSync(join(repository, 'node_modules'), join(copy, 'node_modules'), 'dir');
}

const edits = await applyStaffEdits(join(copy, 'content'));
console.log(`Staff edits in ${copy}:`);
console.log(`  Tuesday ${edits.tuesday.opens}–${edits.tuesday.closes} in hours.yaml`);
console.log(
  `  notices/it/${edits.closure.slug}.md: closed ${edits.closure.from} to ${edits.closure.to}`,
);
console.log(`  notices/it/${edits.notice.slug}.md: a notice about ${edits.notice.activity}`);
console.log(`  activities/it/${edits.newDesk.slug}.md: a new desk, order ${edits.newDesk.order}`);
console.log(`  activities/en/${edits.deletedTranslation.slug}.md: deleted`);

const run = spawnSync('npm', ['test'], { cwd: copy, stdio: 'inherit', env: process.env });
const passed = run.status === 0;
if (passed && !keep) rmSync(copy, { recursive: true, force: true });
console.log(
  passed
    ? `npm test passed on the content with staff edits${keep ? ` (kept in ${copy})` : ''}.`
    : `npm test FAILED on the content with staff edits; the copy is kept in ${copy}.`,
);
process.exit(run.status ?? 1);
