/**
 * The CLI as a person feels it, whole processes, measured side by side in one run:
 * - startup: `npm run -s cchc -- --help` against `npm run -s` of an empty script
 *   (goal: within 0,15 s), and `node dist/cli/main.js --help` against `node -e 0`;
 * - `results --summary` on a synthetic 10,000-unit summary table (bench/summary-table.ts)
 *   against a plain one-pass Node program printing the same bytes (bench/floor/results-floor.mjs;
 *   the outputs are compared): goal ≤ 3× the plain program;
 * - 100,000 units: time and peak RSS against 10,000 (goal: memory flat, i.e. ≤ 1 KB of
 *   peak RSS per extra unit: the per-unit figures, never the whole file or output).
 * Runs are interleaved (A B A B …) and the median is printed, so a busy machine weighs on
 * both sides alike. Run alone: `npx tsx bench/cli.ts [--quick]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli, cliBundleStale } from '../scripts/build-cli.mjs';
import { type Figure, figure, median } from './figures.ts';
import { writeSummaryTable } from './summary-table.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist/cli/main.js');
const FLOOR = join(ROOT, 'bench/floor/results-floor.mjs');
const RSS = join(ROOT, 'bench/support/report-rss.mjs');

interface Run {
  readonly ms: number;
  readonly stdout: string;
  readonly rssKb: number | null;
}

function run(cmd: string, args: readonly string[], cwd = ROOT): Run {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = /CCHC_PEAK_RSS_KB (\d+)/.exec(r.stderr ?? '');
  return { ms, stdout: r.stdout, rssKb: rss ? Number(rss[1]) : null };
}

/** Interleaved runs of several commands; the median time (and last output, peak RSS) of each. */
function sideBySide(runs: number, commands: readonly (() => Run)[]): Run[] {
  const times: number[][] = commands.map(() => []);
  const last: Run[] = [];
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = c();
      times[k]!.push(r.ms);
      last[k] = r;
    });
  }
  return last.map((r, k) => ({ ...r, ms: median(times[k]!) }));
}

export async function benchCli(quick = false): Promise<Figure[]> {
  if (cliBundleStale()) await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-cli-'));
  try {
    const out: Figure[] = [];
    // An empty npm script in a package of its own: what npm costs before any command.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty', private: true, scripts: { empty: ':' } }));
    const [empty, help, node0, bundleHelp] = sideBySide(quick ? 5 : 9, [
      () => run('npm', ['run', '-s', 'empty'], dir),
      () => run('npm', ['run', '-s', 'cchc', '--', '--help']),
      () => run(process.execPath, ['-e', '0']),
      () => run(process.execPath, [BUNDLE, '--help']),
    ]);
    out.push(figure('npm run -s (an empty script)', empty!.ms, 'ms'));
    out.push(
      figure(
        'npm run -s cchc -- --help',
        help!.ms,
        'ms',
        undefined,
        'npm, the launcher’s freshness check (stats the bundle’s sources), node, the bundle',
      ),
    );
    out.push(figure('  cchc --help over the empty script', help!.ms - empty!.ms, 'ms', 150));
    out.push(figure('node -e 0', node0!.ms, 'ms'));
    out.push(figure('node dist/cli/main.js --help', bundleHelp!.ms, 'ms'));

    const sizes = quick ? [10_000] : [10_000, 100_000];
    const rss: number[] = [];
    for (const units of sizes) {
      const csv = join(dir, `summary-${units}.csv`);
      await writeSummaryTable(csv, units);
      const [cliRun, floorRun] = sideBySide(units > 10_000 ? 1 : quick ? 3 : 5, [
        () => run(process.execPath, ['--import', RSS, BUNDLE, 'results', '--summary', csv]),
        () => run(process.execPath, ['--import', RSS, FLOOR, csv]),
      ]);
      if (cliRun!.stdout !== floorRun!.stdout)
        throw new Error(`results --summary and the plain program differ on ${units} units`);
      const n = units.toLocaleString('en');
      out.push(
        figure(
          `results --summary, ${n} units (JSON)`,
          cliRun!.ms,
          'ms',
          undefined,
          'whole process: node start, read, check, exact compute, rank, print',
        ),
      );
      out.push(
        figure(
          `plain one-pass program, ${n} units`,
          floorRun!.ms,
          'ms',
          undefined,
          'same bytes out, no checks, float cents',
        ),
      );
      out.push(
        figure(
          `  results over the plain program, ${n}`,
          cliRun!.ms / floorRun!.ms,
          '×',
          units === 10_000 ? 3 : undefined,
        ),
      );
      out.push(figure(`  peak RSS, results, ${n} units`, cliRun!.rssKb! / 1024, 'MB'));
      out.push(figure(`  peak RSS, plain program, ${n} units`, floorRun!.rssKb! / 1024, 'MB'));
      rss.push(cliRun!.rssKb!);
      rmSync(csv, { force: true });
    }
    if (rss.length === 2) {
      out.push(
        figure(
          'peak RSS growth per extra unit, 10,000 → 100,000',
          (rss[1]! - rss[0]!) / 90_000,
          'KB/unit',
          1,
          'flat: only the per-unit figures are held, not the file nor the output',
        ),
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatFigures } = await import('./figures.ts');
  console.log(formatFigures(await benchCli(process.argv.includes('--quick'))));
}
