/** Survey maxima per unit group for range checks: the cycle's frameworks where known, else the built-in samples. */
import { cmp } from '../../../shared/decimal/rational.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { type SurveyMaxima, surveyMaxima } from '../../../shared/results/limits.ts';
import type { Db } from '../db/connection.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import { loadDefaultFrameworks } from '../framework/defaults.ts';
import type { SurveyLimits } from './table.ts';

function largest(all: readonly SurveyMaxima[]): SurveyMaxima {
  const pick = (k: keyof SurveyMaxima) => all.map((m) => m[k]).reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
  return { cbccvc: pick('cbccvc'), sipas: pick('sipas') };
}

export function defaultSurveyLimits(): SurveyLimits {
  let defaults: Partial<Record<UnitGroup, SurveyMaxima>> | null = null;
  return (group) => {
    defaults ??= Object.fromEntries(
      Object.entries(loadDefaultFrameworks()).map(([g, f]) => [g, surveyMaxima(f, g as UnitGroup)]),
    ) as Partial<Record<UnitGroup, SurveyMaxima>>;
    // A group no sample knows (its cycle's framework is not at hand): the largest sample maxima.
    return defaults[group] ?? largest(Object.values(defaults).filter((m): m is SurveyMaxima => m !== undefined));
  };
}

export function cycleSurveyLimits(db: Db, cycleId: string): SurveyLimits {
  const own = new Map(cycleFrameworks(db, cycleId).map((f) => [f.group, surveyMaxima(f.framework, f.group)]));
  const fallback = defaultSurveyLimits();
  return (group) => own.get(group) ?? fallback(group);
}
