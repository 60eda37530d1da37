/**
 * Runs the real CLI as a child process (the bundle that `npm run -s cchc` runs, built by
 * test/global-setup.ts) and builds temp files for it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundled CLI; see scripts/build-cli.mjs. */
export const CLI_BUNDLE = join(ROOT, 'dist/cli/main.js');
export const FIXTURES = join(ROOT, 'test/fixtures/soc-trang-2023');
export const DISTRICTS_CSV = join(FIXTURES, 'summary-districts.csv');
export const PUBLIC_UNITS_CSV = join(FIXTURES, 'summary-public-units.csv');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI_BUNDLE, ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** `--summary a --summary b …` */
export function summaries(...paths: string[]): string[] {
  return paths.flatMap((p) => ['--summary', p]);
}

export interface TempDir {
  readonly dir: string;
  file(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
  return {
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The fixture CSVs (plain: no quotes) as rows of strings, header first. */
export function plainCsvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

interface UnitJson {
  unit: string;
  group: string;
  benchmark: number;
  selfAssessed: number;
  survey: number;
  total: number;
  index: number;
  classification: number;
  rankInGroup: number;
  rankOverall: number;
}
interface StatsJson {
  count: number;
  average: number;
  classificationCounts: Record<string, number>;
}
interface GroupJson extends StatsJson {
  group: string;
  highest: { unit: string; index: number };
  lowest: { unit: string; index: number };
  spread: number;
}
export interface ResultsJson {
  units: UnitJson[];
  groups: GroupJson[];
  overall: StatsJson;
}
