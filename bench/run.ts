/**
 * `npm run bench`: every benchmark in turn, each printing its figures (ms unless the
 * name says otherwise). Goals (from the issues): recompute 40 units ≤ 2 ms and 10,000
 * ≤ 300 ms growing linearly; tick → totals painted p95 ≤ 50 ms; harness cold start ≤ 1.5 s;
 * verify + merge of 15 packages ≤ 300 ms and ≤ 3× the floor; minutes for 40 units ≤ 3 s;
 * 100,000 survey responses ≤ 1 s; intake of 150 units × 120 sub-criteria
 * with 3,000 evidence files ≤ 10 s for the workbooks and hashing. Tests never assert times; this script only prints them.
 */
import { benchDocuments } from './documents.ts';
import { benchExchange } from './exchange.ts';
import { benchIntake } from './intake.ts';
import { benchRecompute } from './recompute.ts';
import { benchWorkspace } from './workspace.ts';

const suites: [string, () => Promise<Record<string, number>>][] = [
  ['recompute (issue 2)', benchRecompute],
  ['workspace (issue 3)', benchWorkspace],
  ['exchange (issue 4)', () => benchExchange()],
  ['documents (issue 5)', benchDocuments],
  ['intake (issue 8)', () => benchIntake()],
];

const only = process.argv.slice(2);
for (const [name, run] of suites) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n# ${name}`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(40)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}
process.exit(0);
