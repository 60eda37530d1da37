/** Survey maxima per unit group for range checks: the cycle's frameworks where known, else the built-in samples. */
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { type SurveyMaxima, surveyMaxima } from '../../../shared/results/limits.ts';
import type { Db } from '../db/connection.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import { loadDefaultFrameworks } from '../framework/defaults.ts';
import type { SurveyLimits } from './table.ts';

export function defaultSurveyLimits(): SurveyLimits {
  let defaults: Record<UnitGroup, SurveyMaxima> | null = null;
  return (group) => {
    defaults ??= Object.fromEntries(Object.entries(loadDefaultFrameworks()).map(([g, f]) => [g, surveyMaxima(f, g as UnitGroup)])) as Record<UnitGroup, SurveyMaxima>;
    return defaults[group];
  };
}

export function cycleSurveyLimits(db: Db, cycleId: string): SurveyLimits {
  const own = new Map(cycleFrameworks(db, cycleId).map((f) => [f.group, surveyMaxima(f.framework, f.group)]));
  const fallback = defaultSurveyLimits();
  return (group) => own.get(group) ?? fallback(group);
}
