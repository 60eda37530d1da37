/**
 * Documents and survey aggregation:
 * - the council's minutes for the 40-unit demo cycle, HTML built from the store and
 *   printed by Chromium (goal ≤ 3 s): cold (the browser launched by this print) and warm
 *   (the process's browser reused), plus the HTML alone;
 * - 100,000 raw survey responses (10 questions each, 40 units) to per-unit points (goal
 *   ≤ 1 s): CSV text parsed, answers counted, exact points; and the whole import of that
 *   file into the store (read, check, one transaction).
 * Prints ms (median of the warm runs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/connection.ts';
import { listUnits } from '../electron/core/db/repos/units.ts';
import { DEMO_CYCLE_ID, initDemo } from '../electron/core/demo/init.ts';
import { ChromiumPdfPrinter } from '../electron/core/documents/chromium.ts';
import { minutesDocumentHtml } from '../electron/core/documents/documents.ts';
import { csvToRawTable } from '../electron/core/summary/read.ts';
import { importSurveyFile, tallyResponses } from '../electron/core/survey/import.ts';
import { parsedScale } from '../electron/core/survey/scale.ts';
import { unitMatcher } from '../electron/core/survey/units.ts';
import { rat } from '../shared/decimal/rational.ts';
import { DEFAULT_SURVEY_SCALE, pointsOfCounts } from '../shared/report/survey.ts';
import { prng } from './synthetic.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** 100,000 responses of 10 questions over the given unit names, as CSV text. */
export function responsesCsv(units: readonly string[], rows = 100_000, questions = 10, seed = 7): string {
  const rnd = prng(seed);
  const keys = ['A', 'A', 'A', 'B', 'B', 'C', 'D', ''];
  const lines = [['Mã phiếu', 'Đơn vị', ...Array.from({ length: questions }, (_, i) => `Câu ${i + 1}`)].join(',')];
  for (let r = 0; r < rows; r++) {
    const answers = Array.from({ length: questions }, () => keys[Math.floor(rnd() * keys.length)]!);
    lines.push([String(r + 1), `"${units[r % units.length]!}"`, ...answers].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export async function benchDocuments(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-docs-'));
  const printer = new ChromiumPdfPrinter();
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    initDemo(db, dir);
    const out: Record<string, number> = {};

    let t0 = performance.now();
    await printer.printToPdf(minutesDocumentHtml(db, DEMO_CYCLE_ID));
    out['minutes_40_units_cold_ms'] = performance.now() - t0;
    out['minutes_40_units_warm_ms'] = await timeAsync(5, () => printer.printToPdf(minutesDocumentHtml(db, DEMO_CYCLE_ID)));
    out['minutes_40_units_html_ms'] = await timeAsync(5, async () => minutesDocumentHtml(db, DEMO_CYCLE_ID));

    const names = listUnits(db, DEMO_CYCLE_ID).map((u) => u.name);
    const csv = responsesCsv(names);
    const matcher = unitMatcher(db, DEMO_CYCLE_ID);
    const scale = parsedScale(DEFAULT_SURVEY_SCALE);
    const max = rat(15);
    const aggregate = async () => {
      const table = csvToRawTable(csv, 'bench.csv');
      const { tally } = tallyResponses(table, 'bench.csv', scale, (n) => matcher.match(n), false);
      let units = 0;
      for (const counts of tally.units.values()) {
        pointsOfCounts(counts, scale, max);
        units += 1;
      }
      if (units !== names.length) throw new Error(`aggregated ${units} units`);
    };
    await aggregate(); // warm-up
    out['survey_100k_responses_to_points_ms'] = await timeAsync(5, aggregate);

    const file = join(dir, 'sipas.csv');
    writeFileSync(file, csv, 'utf8');
    t0 = performance.now();
    const r = await importSurveyFile(db, DEMO_CYCLE_ID, file, { source: 'sipas', commit: true, actor: 'bench' });
    out['survey_100k_import_commit_ms'] = performance.now() - t0;
    if (r.respondents !== 100_000) throw new Error(`imported ${r.respondents} respondents`);
    db.close();
    return out;
  } finally {
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDocuments();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(38)} ${v.toFixed(1)}`);
}
