/**
 * The CLI as `npm run -s cchc` runs it: the esbuild bundle (dist/cli, built by
 * test/global-setup.ts), whose commands load native and heavy modules only when they
 * need them. Under test/cli/support/block-heavy.mjs every import of better-sqlite3,
 * exceljs or playwright-core throws: what still runs never loaded them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index.ts';
import { CLI_BUNDLE, type CliRun, DISTRICTS_CSV, PUBLIC_UNITS_CSV, ROOT, cli, summaries, tempDir } from './helpers.ts';

const BLOCK = join(ROOT, 'test/cli/support/block-heavy.mjs');

function blocked(...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', BLOCK, CLI_BUNDLE, ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

describe('the bundled CLI', () => {
  it('is what npm run cchc runs: a bundle listing its sources, no transpiler', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['cchc']).toBe('node scripts/cchc.mjs');
    expect(pkg.scripts['cchc']).not.toMatch(/tsx/);
    expect(existsSync(CLI_BUNDLE)).toBe(true);
    const inputs = JSON.parse(readFileSync(join(ROOT, 'dist/cli/inputs.json'), 'utf8')) as { files: string[] };
    expect(inputs.files).toContain('electron/cli/main.ts');
    expect(inputs.files).toContain('electron/cli/commands/results.ts');
    // The one bundled package (zod) is checked through its package.json alone.
    expect(inputs.files.filter((f) => f.includes('node_modules/'))).toEqual([
      expect.stringMatching(/(^|\/)node_modules\/zod\/package\.json$/),
    ]);
  });

  it('prints the help of every command without loading better-sqlite3, exceljs or playwright-core', async () => {
    const help = await blocked('--help');
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toContain(name);
    const one = await blocked('help', 'results');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--summary');
  });

  it('computes results from summary tables without loading them, same output as unblocked', async () => {
    const args = ['results', ...summaries(DISTRICTS_CSV, PUBLIC_UNITS_CSV), '--format', 'table'];
    const lean = await blocked(...args);
    expect(lean.stderr).toBe('');
    expect(lean.code).toBe(0);
    expect(lean.stdout).toBe((await cli(...args)).stdout);
  });

  it('really blocks them: results --db needs SQLite and fails under the block', async () => {
    const t = tempDir();
    try {
      const db = t.file('x.sqlite', '');
      const r = await blocked('results', '--db', db);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/HEAVY_MODULE_LOADED: better-sqlite3/);
    } finally {
      t.remove();
    }
  });
});
