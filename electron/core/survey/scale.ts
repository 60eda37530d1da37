/**
 * The answer scale of each survey of a cycle (options and weights, A 100% … D 0% by
 * default), kept in survey_scales. The framework format has no place for it (its survey
 * kind is only `{ kind: 'survey', source }`), so it is set per cycle here.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type Rational, min as rmin } from '../../../shared/decimal/rational.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import {
  DEFAULT_SURVEY_SCALE,
  type ParsedScale,
  type SurveyScale,
  type SurveySource,
  parseSurveyScale,
} from '../../../shared/report/survey.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getSurveyScaleJson, putSurveyScaleJson } from '../db/repos/survey.ts';
import { cyclePlans, requireCycle } from '../results/cycle-totals.ts';

export function getSurveyScale(db: Db, cycleId: string, source: SurveySource): SurveyScale {
  const row = getSurveyScaleJson(db, cycleId, source);
  return row ? (JSON.parse(row) as SurveyScale) : DEFAULT_SURVEY_SCALE;
}

export function parsedScale(scale: SurveyScale): ParsedScale {
  const r = parseSurveyScale(scale);
  if (!r.ok) throw CodedFailure.from(r.error);
  return r.value;
}

/** Validates and stores a scale, with an audit row. */
export function setSurveyScale(
  db: Db,
  cycleId: string,
  source: SurveySource,
  scale: SurveyScale,
  actor: string,
): SurveyScale {
  requireCycle(db, cycleId);
  const clean: SurveyScale = {
    options: (scale.options ?? []).map((o) => ({
      key: String(o.key ?? '').trim(),
      label: String(o.label ?? '').trim(),
      weight: String(o.weight ?? '').trim(),
    })),
  };
  parsedScale(clean);
  const before = getSurveyScale(db, cycleId, source);
  const at = new Date().toISOString();
  tx(db, () => {
    putSurveyScaleJson(db, cycleId, source, JSON.stringify(clean), at);
    appendAudit(db, {
      actor,
      action: 'survey.scale',
      entity: 'survey_scale',
      entityId: `${cycleId}/${source}`,
      before,
      after: clean,
      at,
    });
  });
  return clean;
}

/**
 * Per unit group, the maximum points of the survey sub-criterion of each source (null: the
 * group has none). The store gives a unit's points of a source to every survey leaf of that
 * source, so with several leaves the smallest maximum bounds the points.
 */
export function surveyMaxima(db: Db, cycleId: string): Map<UnitGroup, Record<SurveySource, Rational | null>> {
  const out = new Map<UnitGroup, Record<SurveySource, Rational | null>>();
  for (const [g, plan] of cyclePlans(db, cycleId)) {
    const m: Record<SurveySource, Rational | null> = { cbccvc: null, sipas: null };
    for (const l of plan.leaves) if (l.survey) m[l.survey] = m[l.survey] === null ? l.max : rmin(m[l.survey]!, l.max);
    out.set(g, m);
  }
  return out;
}
