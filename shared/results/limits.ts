/**
 * The maxima a figure read from a file may not exceed (range checks of summary tables and
 * previous-year results): the index is out of 100 points, so the benchmark is at most 100;
 * each survey source at most the sum of its survey leaves in the group's framework; the
 * self-assessed points at most the benchmark minus both survey maxima. With these, the
 * index (self + surveys) / benchmark × 100 never exceeds 100.
 */
import { type Rational, ZERO, add, parseDecimal, rat } from '../decimal/rational.ts';
import type { Framework, UnitGroup } from '../framework/types.ts';

export const BENCHMARK_MAX: Rational = rat(100);

export interface SurveyMaxima {
  readonly cbccvc: Rational;
  readonly sipas: Rational;
}

/** Sum of the maximum points of the framework's survey leaves per source, for `group`. */
export function surveyMaxima(framework: Framework, group: UnitGroup = framework.group): SurveyMaxima {
  const parents = new Set(framework.nodes.map((n) => n.parent));
  let cbccvc = ZERO;
  let sipas = ZERO;
  for (const n of framework.nodes) {
    if (parents.has(n.code) || !n.groups.includes(group) || n.scoring?.kind !== 'survey') continue;
    const max = parseDecimal(n.maxPoints) ?? ZERO;
    if (n.scoring.source === 'cbccvc') cbccvc = add(cbccvc, max);
    else sipas = add(sipas, max);
  }
  return { cbccvc, sipas };
}
