/**
 * The 2023 fixture tables as report inputs. Published figures were computed from
 * unrounded scores, so each unit's total is taken inside both published intervals (the
 * total's and the index's) and self-assessed = total − surveys: the tables then reproduce
 * every published column.
 */
import { GROUPS_2023, presetGroups } from '../../shared/framework/groups.ts';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Rational, add, cmp, div, max, min, mul, parseDecimal, rat, sub } from '../../shared/decimal/rational.ts';
import type { UnitGroup } from '../../shared/framework/types.ts';
import type { ReportInput, ReportUnitInput } from '../../shared/report/types.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'soc-trang-2023');

export interface FixtureRow {
  readonly unit: string;
  readonly group: UnitGroup;
  readonly benchmark: string;
  readonly selfAssessed: string;
  readonly cbccvc: string;
  readonly sipas: string;
  readonly total: string;
  readonly index: string;
}

export function readCsv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(FIXTURES, name), 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

export function summaryRows(name: 'summary-districts.csv' | 'summary-public-units.csv'): FixtureRow[] {
  return readCsv(name).map((r) => ({
    unit: r['unit']!,
    group: r['group'] as UnitGroup,
    benchmark: r['benchmark_max']!,
    selfAssessed: r['self_assessed']!,
    cbccvc: r['survey_cbccvc']!,
    sipas: r['survey_sipas']!,
    total: r['published_total']!,
    index: r['published_index_percent']!,
  }));
}

const d = (s: string): Rational => parseDecimal(s)!;
const HALF_CENT = rat(1, 200);

/**
 * A total whose 2-decimal rounding is `total` and whose index rounds to `index`. (The
 * self-assessed column cannot always be matched too: the published surveys were unrounded.)
 */
function totalFor(r: FixtureRow): Rational {
  const b = d(r.benchmark);
  const t = d(r.total);
  const i = d(r.index);
  const lo = max(sub(t, HALF_CENT), mul(div(sub(i, HALF_CENT), rat(100)), b));
  const hi = min(add(t, HALF_CENT), mul(div(add(i, HALF_CENT), rat(100)), b));
  if (cmp(lo, hi) >= 0) throw new Error(`no total fits ${r.unit}`);
  return div(add(lo, hi), rat(2));
}

function unitInput(r: FixtureRow, i: number): ReportUnitInput {
  const total = totalFor(r);
  const cb = d(r.cbccvc);
  const sp = d(r.sipas);
  return {
    id: `u${i}-${r.group}`,
    name: r.unit,
    group: r.group,
    benchmark: d(r.benchmark),
    selfAssessed: sub(sub(total, cb), sp),
    surveyCbccvc: cb,
    surveySipas: sp,
    fields: [],
  };
}

export function fixtureInput(previous?: ReadonlyMap<string, bigint>): ReportInput {
  const rows = [...summaryRows('summary-districts.csv'), ...summaryRows('summary-public-units.csv')];
  return {
    cycle: { id: 'st2023', name: 'Sóc Trăng 2023', year: 2023, province: 'Sóc Trăng', precision: 2 },
    groups: presetGroups(GROUPS_2023),
    previousYear: previous ? 2022 : null,
    units: rows.map((r, i) => ({ ...unitInput(r, i), previousPublished: previous?.get(r.unit) ?? null })),
  };
}
