/**
 * `npm run bench [-- --quick] [-- NAME…]`: every benchmark in turn, on real-shaped synthetic
 * cycles (bench/synthetic.ts) of 40, 150, 1,000 and 10,000 units (`--quick`: 40 and 150
 * only). Each figure is printed with what it includes and, where a goal is set (see README),
 * the goal and "met" or "NOT MET". Tests never assert times; this only
 * prints them. NAME runs the suites whose name starts with it (cli, recompute, workspace,
 * exchange, documents, bulk, intake, scale).
 *
 * Each suite runs in a process of its own, as the app starts in one: run in this process after
 * the others, the workspace suite's harness shared a heap grown by the 10,000-unit CLI and
 * recompute runs, and its tick and cold-start figures measured that heap's collections.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBulk } from './bulk.ts';
import { benchCli } from './cli.ts';
import { benchDocuments } from './documents.ts';
import { benchExchange } from './exchange.ts';
import { type Figure, formatFigures } from './figures.ts';
import { benchIntake } from './intake.ts';
import { benchRecompute } from './recompute.ts';
import { benchScale } from './scale.ts';
import { benchWorkspace } from './workspace.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));

const suites: [string, (quick: boolean) => Promise<Figure[]>][] = [
  ['cli', benchCli],
  ['recompute', benchRecompute],
  ['workspace', benchWorkspace],
  ['exchange', benchExchange],
  ['documents', benchDocuments],
  [
    'bulk',
    async () => {
      const r = await benchBulk();
      return [
        {
          name: 'agree with the rest of a 500-sub-criterion field (median)',
          value: r['agree_500_commit_ms']!,
          unit: 'ms',
          goal: 200,
          includes: 'core: validate, one transaction, one audit row per sub-criterion',
        },
        {
          name: 'paste 500 cells into the grid (median)',
          value: r['paste_500_cells_ms']!,
          unit: 'ms',
          goal: 300,
          includes: 'core: validate every cell, commit the valid ones in one transaction',
        },
      ];
    },
  ],
  [
    'intake',
    async (q) => {
      // 150 units × their sub-criteria with 3,000 generated evidence files (--quick: 40 units).
      const r = await benchIntake(q ? 40 : 150);
      return [
        {
          name: `intake preview: workbooks read + evidence hashed, ${q ? 40 : 150} units`,
          value: r['preview_workbooks_and_hashing_ms']!,
          unit: 'ms',
          goal: q ? undefined : 10_000,
          includes: 'read every workbook, check it, stream and hash every evidence file',
        },
        {
          name: 'intake commit: evidence stored, dossiers written',
          value: r['commit_store_and_write_ms']!,
          unit: 'ms',
          includes: 'one transaction per unit',
        },
        { name: 'intake peak RSS', value: r['rss_peak_mb']!, unit: 'MB' },
      ];
    },
  ],
  // The scale test runs 10,000 units: not in --quick.
  ['scale', async (q) => (q ? [] : benchScale())],
];

const SUITE = '--suite=';
const suiteArg = args.find((a) => a.startsWith(SUITE));

if (suiteArg !== undefined) {
  // A child: one suite, its figures written where the parent reads them.
  const run = suites.find(([name]) => name === suiteArg.slice(SUITE.length))![1];
  const figures = await run(quick);
  writeFileSync(process.env['CCHC_BENCH_FIGURES']!, JSON.stringify(figures));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-run-'));
let notMet = 0;
let failed = 0;
for (const [name] of suites) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n# ${name}${quick ? ' (--quick: 40 and 150 units)' : ''}`);
  const t0 = performance.now();
  const out = join(dir, `${name}.json`);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, `${SUITE}${name}`, ...(quick ? ['--quick'] : [])],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CCHC_BENCH_FIGURES: out } },
  );
  if (child.status !== 0) {
    console.log(`(${name}: failed, exit ${child.status ?? child.signal})`);
    failed += 1;
    continue;
  }
  const figures = JSON.parse(readFileSync(out, 'utf8')) as Figure[];
  console.log(formatFigures(figures));
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  notMet += figures.filter((f) => f.goal !== undefined && f.value > f.goal).length;
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `\n${notMet === 0 ? 'every goal met' : `${notMet} goal(s) not met`}${failed ? `; ${failed} suite(s) failed` : ''}`,
);
process.exit(failed ? 1 : 0);
