/**
 * A synthetic summary table (bảng tổng hợp) of N units for `results --summary`: the
 * fixture's columns, the four unit groups in the real proportions of a province (mostly
 * communes and district-level units), two-decimal points as the council publishes them.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from '../tools/prng.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import { surveyMaxima } from '../shared/results/limits.ts';

const GROUPS = ['district', 'department', 'public_service_unit', 'central_agency'] as const;
const KIND = {
  district: 'UBND xã',
  department: 'Sở',
  public_service_unit: 'Trung tâm',
  central_agency: 'Chi cục',
} as const;

function cents(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

/** Writes the table to `path` line by line (100,000 rows stay a few MB, never one string). */
export async function writeSummaryTable(path: string, units: number, seed = 3): Promise<void> {
  const rnd = prng(seed);
  // Each survey at most its sample framework's maximum; self-assessed at most the benchmark minus both (the reader refuses more).
  const frameworks = loadDefaultFrameworks();
  const max = Object.fromEntries(
    GROUPS.map((g) => {
      const m = surveyMaxima(frameworks[g], g);
      return [g, { cbccvc: Number(m.cbccvc.n) / Number(m.cbccvc.d), sipas: Number(m.sipas.n) / Number(m.sipas.d) }];
    }),
  ) as Record<(typeof GROUPS)[number], { cbccvc: number; sipas: number }>;
  const out = createWriteStream(path, 'utf8');
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\n');
  for (let i = 0; i < units; i++) {
    const r = rnd();
    const group = GROUPS[r < 0.7 ? 0 : r < 0.85 ? 1 : r < 0.97 ? 2 : 3]!;
    const benchmark = 90 + Math.floor(rnd() * 12) / 2; // 90,00 … 95,50
    const { cbccvc: cMax, sipas: sMax } = max[group];
    const self = Math.floor((benchmark - cMax - sMax) * (0.75 + rnd() * 0.25) * 100) / 100;
    const cbccvc = Math.floor(cMax * (0.6 + rnd() * 0.4) * 100) / 100;
    const sipas = Math.floor(sMax * (0.6 + rnd() * 0.4) * 100) / 100;
    await write(
      `${KIND[group]} Đơn vị số ${i + 1},${group},${cents(benchmark)},${cents(self)},${cents(cbccvc)},${cents(sipas)}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
