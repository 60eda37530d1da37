/**
 * The launcher `npm run -s cchc` runs (scripts/cchc.mjs) on a project of its own in a
 * temporary folder: the real launcher, freshness check and esbuild build, over a
 * two-file stand-in CLI. It builds a missing bundle, runs a fresh one without
 * rebuilding, and rebuilds after an edit of any source the bundle holds, never running
 * the stale one.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.ts';

const t = tempDir();
afterAll(() => t.remove());
const project = t.dir;
for (const s of ['cchc.mjs', 'cli-stale.mjs', 'build-cli.mjs']) {
  mkdirSync(join(project, 'scripts'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', s), join(project, 'scripts', s));
}
// node_modules: esbuild (the real one, to build with) and `tiny`, a package the bundle holds.
mkdirSync(join(project, 'node_modules/tiny'), { recursive: true });
symlinkSync(realpathSync(join(ROOT, 'node_modules/esbuild')), join(project, 'node_modules/esbuild'), 'dir');
const TINY = join(project, 'node_modules/tiny');

/** Writes `tiny` as an install may leave a package: every file rewritten, with the tarball's mtimes (1985). */
function installTiny(word: string): void {
  writeFileSync(join(TINY, 'package.json'), JSON.stringify({ name: 'tiny', type: 'module', main: 'index.js' }));
  writeFileSync(join(TINY, 'index.js'), `export const tinyWord = '${word}';\n`);
  const npmTime = new Date('1985-10-26T08:15:00Z');
  for (const f of ['package.json', 'index.js']) utimesSync(join(TINY, f), npmTime, npmTime);
}
installTiny('alpha');
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'launcher-test', private: true, type: 'module' }));
mkdirSync(join(project, 'electron/cli'), { recursive: true });
const MAIN = join(project, 'electron/cli/main.ts');
const WORD = join(project, 'electron/cli/word.ts');

/** Writes a source with an mtime `ageMs` in the past (0: now). */
function source(path: string, text: string, ageMs = 0): void {
  writeFileSync(path, text);
  if (ageMs > 0) {
    const when = new Date(Date.now() - ageMs);
    utimesSync(path, when, when);
  }
}

function launch(): string {
  return execFileSync(process.execPath, [join(project, 'scripts/cchc.mjs'), 'a', 'b'], {
    cwd: project,
    encoding: 'utf8',
  });
}

function builtAt(): number {
  return (JSON.parse(readFileSync(join(project, 'dist/cli/inputs.json'), 'utf8')) as { started: number }).started;
}

const HOUR = 3_600_000;

describe('the launcher (scripts/cchc.mjs)', () => {
  it('builds a missing bundle, then runs it with the arguments', async () => {
    // tiny's files changed (ctime) just now: past the 2 s margin, a build counts as after them.
    await new Promise((r) => setTimeout(r, 2100));
    source(
      MAIN,
      "import { tinyWord } from 'tiny';\nimport { word } from './word.ts';\nconsole.log(word, tinyWord, process.argv.slice(2).join(' '));\n",
      HOUR,
    );
    source(WORD, "export const word: string = 'one';\n", HOUR);
    expect(launch()).toBe('one alpha a b\n');
    const inputs = JSON.parse(readFileSync(join(project, 'dist/cli/inputs.json'), 'utf8')) as { files: string[] };
    expect(inputs.files.sort()).toEqual([
      'electron/cli/main.ts',
      'electron/cli/word.ts',
      'node_modules/tiny/package.json',
    ]);
  });

  it('runs a fresh bundle without rebuilding it', () => {
    const first = builtAt();
    expect(launch()).toBe('one alpha a b\n');
    expect(builtAt()).toBe(first);
  });

  it('rebuilds after an edit of an imported source, and runs the new code', () => {
    const first = builtAt();
    source(WORD, "export const word: string = 'two';\n");
    expect(launch()).toBe('two alpha a b\n');
    expect(builtAt()).toBeGreaterThan(first);
  });

  it('rebuilds after a bundled package is installed again, even with old mtimes (1985)', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // past the margin for coarse file systems
    launch(); // rebuilds once more: word.ts was saved within 2 s before the last build
    const first = builtAt();
    expect(launch()).toBe('two alpha a b\n');
    expect(builtAt()).toBe(first);
    installTiny('beta');
    expect(launch()).toBe('two beta a b\n');
    expect(builtAt()).toBeGreaterThan(first);
  });

  it('rebuilds when the bundle is gone or a source was deleted', () => {
    source(WORD, "export const word: string = 'three';\n", HOUR);
    rmSync(join(project, 'dist/cli/main.js'));
    expect(launch()).toBe('three beta a b\n');
    const first = builtAt();
    // The entry no longer imports word.ts, which is deleted: the next run must not fail on
    // the old input list, and rebuilds since main.ts changed.
    source(MAIN, "console.log('four', process.argv.slice(2).join(' '));\n");
    rmSync(WORD);
    expect(launch()).toBe('four a b\n');
    expect(builtAt()).toBeGreaterThan(first);
  });
});
