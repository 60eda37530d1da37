/**
 * The launcher `npm run -s cchc` runs (scripts/cchc.mjs) on a project of its own in a
 * temporary folder: the real launcher, freshness check and esbuild build, over a
 * two-file stand-in CLI. It builds a missing bundle, runs a fresh one without
 * rebuilding, and rebuilds after an edit of any source the bundle holds, never running
 * the stale one.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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
symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
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
  it('builds a missing bundle, then runs it with the arguments', () => {
    source(MAIN, "import { word } from './word.ts';\nconsole.log(word, process.argv.slice(2).join(' '));\n", HOUR);
    source(WORD, "export const word: string = 'one';\n", HOUR);
    expect(launch()).toBe('one a b\n');
    const inputs = JSON.parse(readFileSync(join(project, 'dist/cli/inputs.json'), 'utf8')) as { files: string[] };
    expect(inputs.files.sort()).toEqual(['electron/cli/main.ts', 'electron/cli/word.ts']);
  });

  it('runs a fresh bundle without rebuilding it', () => {
    const first = builtAt();
    expect(launch()).toBe('one a b\n');
    expect(builtAt()).toBe(first);
  });

  it('rebuilds after an edit of an imported source, and runs the new code', () => {
    const first = builtAt();
    source(WORD, "export const word: string = 'two';\n");
    expect(launch()).toBe('two a b\n');
    expect(builtAt()).toBeGreaterThan(first);
  });

  it('rebuilds when the bundle is gone or a source was deleted', () => {
    source(WORD, "export const word: string = 'three';\n", HOUR);
    rmSync(join(project, 'dist/cli/main.js'));
    expect(launch()).toBe('three a b\n');
    const first = builtAt();
    // The entry no longer imports word.ts, which is deleted: the next run must not fail on
    // the old input list, and rebuilds since main.ts changed.
    source(MAIN, "console.log('four', process.argv.slice(2).join(' '));\n");
    rmSync(WORD);
    expect(launch()).toBe('four a b\n');
    expect(builtAt()).toBeGreaterThan(first);
  });
});
