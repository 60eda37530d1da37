/** Turning exact core values into the contract's view shapes (decimal text, published index). */
import { add, div, mul, roundHalfUpScaled, HUNDRED } from '../../../shared/decimal/rational.ts';
import { exactDecimalText, fixedDecimalText, scaledDecimalText } from '../../../shared/decimal/text.ts';
import type { TotalsView } from '../../../shared/contract/scoring.ts';
import { classify } from '../../../shared/results/classification.ts';
import { unitIndex } from '../../../shared/results/compute.ts';
import type { UnitComputed } from '../results/cycle-totals.ts';

export function totalsView(c: UnitComputed, precision: number): TotalsView {
  const t = c.totals;
  const survey = add(t.surveyCbccvc, t.surveySipas);
  const index = unitIndex(t.total, t.benchmark);
  const published = roundHalfUpScaled(index, precision);
  return {
    benchmark: exactDecimalText(t.benchmark),
    selfAssessed: exactDecimalText(t.selfAssessed),
    survey: exactDecimalText(survey),
    total: exactDecimalText(t.total),
    index: scaledDecimalText(published, precision),
    classification: classify(published, precision),
    fields: t.fields.map((f) => ({
      code: f.code,
      title: f.title,
      benchmark: exactDecimalText(f.benchmark),
      points: exactDecimalText(f.points),
      percent: fixedDecimalText(
        f.benchmark.n === 0n ? f.benchmark : mul(div(f.points, f.benchmark), HUNDRED),
        precision,
      ),
    })),
    appraised: c.appraised,
    provisional: c.provisional,
    computable: c.surveyMissing === 0,
  };
}
