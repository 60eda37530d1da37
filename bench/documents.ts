/**
 * Documents and survey aggregation, on real-shaped synthetic cycles (bench/synthetic.ts) of
 * 40, 150, 1,000 and 10,000 units:
 * - the council's minutes, HTML built from the store and printed by Chromium: cold (a
 *   browser launched for this print: goal 150 units ≤ 5 s) and with the browser running,
 *   plus the HTML alone;
 * - 100,000 raw survey responses (10 questions each) to per-unit points (goal ≤ 1 s): CSV
 *   text parsed, answers counted, exact points; and the whole import of that file into the
 *   store (read, check, one transaction).
 * Medians.
 */
import { prng } from '../tools/prng.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/connection.ts';
import { listUnits } from '../electron/core/db/repos/units.ts';
import { ChromiumPdfPrinter } from '../electron/core/documents/chromium.ts';
import { minutesDocumentHtml, minutesPdf } from '../electron/core/documents/documents.ts';
import { csvToRawTable } from '../electron/core/summary/read.ts';
import { importSurveyFile, tallyResponses } from '../electron/core/survey/import.ts';
import { parsedScale } from '../electron/core/survey/scale.ts';
import { unitMatcher } from '../electron/core/survey/units.ts';
import { rat } from '../shared/decimal/rational.ts';
import { DEFAULT_SURVEY_SCALE, pointsOfCounts } from '../shared/report/survey.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import { type Figure, figure, formatFigures, median, sizes } from './figures.ts';
import { seedRealCycle } from './synthetic.ts';

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

export async function benchDocuments(quick = false): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-docs-'));
  const frameworks = loadDefaultFrameworks();
  const out: Figure[] = [];
  try {
    for (const units of sizes(quick)) {
      const n = units.toLocaleString('en');
      const db = openDatabase(join(dir, `cycle-${units}.sqlite`));
      const { cycleId } = seedRealCycle(db, frameworks, units);

      // Cold: a printer of its own, so the browser's start is in the figure.
      const cold = new ChromiumPdfPrinter();
      let t0 = performance.now();
      try {
        await minutesPdf(db, cycleId, cold); // as the harness prints: Chromium starts while the HTML is built
      } finally {
        await cold.close();
      }
      out.push(
        figure(
          `minutes PDF, ${n} units, cold`,
          performance.now() - t0,
          'ms',
          units === 150 ? 5000 : undefined,
          'HTML from the store, Chromium launched, printed to PDF, browser closed',
        ),
      );
      if (units <= 1_000) {
        const printer = new ChromiumPdfPrinter();
        try {
          await printer.printToPdf(minutesDocumentHtml(db, cycleId));
          out.push(
            figure(
              `  minutes PDF, ${n} units, browser running`,
              await timeAsync(3, () => printer.printToPdf(minutesDocumentHtml(db, cycleId))),
              'ms',
            ),
          );
        } finally {
          await printer.close();
        }
      }
      out.push(
        figure(
          `  minutes HTML alone, ${n} units`,
          await timeAsync(3, async () => minutesDocumentHtml(db, cycleId)),
          'ms',
        ),
      );

      const names = listUnits(db, cycleId).map((u) => u.name);
      const csv = responsesCsv(names);
      const matcher = unitMatcher(db, cycleId);
      const scale = parsedScale(DEFAULT_SURVEY_SCALE);
      const max = rat(15);
      const aggregate = async () => {
        const table = csvToRawTable(csv, 'bench.csv');
        const { tally } = tallyResponses(table, 'bench.csv', scale, (name) => matcher.match(name), false);
        for (const counts of tally.units.values()) pointsOfCounts(counts, scale, max);
      };
      await aggregate(); // warm-up
      out.push(
        figure(
          `100,000 survey responses → points, ${n} units`,
          await timeAsync(3, aggregate),
          'ms',
          1000,
          'CSV parsed, answers counted per unit, exact points',
        ),
      );
      const file = join(dir, 'sipas.csv');
      writeFileSync(file, csv, 'utf8');
      t0 = performance.now();
      const r = await importSurveyFile(db, cycleId, file, { source: 'sipas', commit: true, actor: 'bench' });
      out.push(
        figure(
          `  import of that file, ${n} units`,
          performance.now() - t0,
          'ms',
          undefined,
          'read, check, one transaction',
        ),
      );
      if (r.respondents !== 100_000) throw new Error(`imported ${r.respondents} respondents`);
      db.close();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatFigures(await benchDocuments(process.argv.includes('--quick'))));
}
