/**
 * A synthetic summary table (bảng tổng hợp) of N units for `results --summary`: the
 * fixture's columns, the four unit groups in the real proportions of a province (mostly
 * communes and district-level units), two-decimal points as the council publishes them.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from '../tools/prng.ts';

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
  const out = createWriteStream(path, 'utf8');
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\n');
  for (let i = 0; i < units; i++) {
    const r = rnd();
    const group = GROUPS[r < 0.7 ? 0 : r < 0.85 ? 1 : r < 0.97 ? 2 : 3]!;
    const benchmark = 90 + Math.floor(rnd() * 12) / 2; // 90,00 … 95,50
    const self = benchmark * (0.45 + rnd() * 0.2);
    const cbccvc = 10 + rnd() * 5;
    const sipas = 10 + rnd() * 5;
    await write(
      `${KIND[group]} Đơn vị số ${i + 1},${group},${cents(benchmark)},${cents(self)},${cents(cbccvc)},${cents(sipas)}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
