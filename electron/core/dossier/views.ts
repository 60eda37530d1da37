/** Turning exact core values into the contract's view shapes (decimal text, published index). */
import {
  type Rational,
  add,
  div,
  exactDecimalText,
  mul,
  roundHalfUpScaled,
  scaledToString,
  HUNDRED,
} from '../../../shared/decimal/rational.ts';
import type { TotalsView } from '../../../shared/contract/scoring.ts';
import { classify } from '../../../shared/results/classification.ts';
import { unitIndex } from '../../../shared/results/compute.ts';
import type { UnitComputed } from '../results/cycle-totals.ts';

/** Exact where it is a finite decimal, else 6 places half-up, trailing zeros dropped ("94", "0.666667"). */
export function decText(r: Rational): string {
  return exactDecimalText(r);
}

function publishedText(r: Rational, precision: number): string {
  return scaledToString(roundHalfUpScaled(r, precision), precision);
}

export function totalsView(c: UnitComputed, precision: number): TotalsView {
  const t = c.totals;
  const survey = add(t.surveyCbccvc, t.surveySipas);
  const index = unitIndex(t.total, t.benchmark);
  const published = roundHalfUpScaled(index, precision);
  return {
    benchmark: decText(t.benchmark),
    selfAssessed: decText(t.selfAssessed),
    survey: decText(survey),
    total: decText(t.total),
    index: scaledToString(published, precision),
    classification: classify(published, precision),
    fields: t.fields.map((f) => ({
      code: f.code,
      title: f.title,
      benchmark: decText(f.benchmark),
      points: decText(f.points),
      percent: publishedText(f.benchmark.n === 0n ? f.benchmark : mul(div(f.points, f.benchmark), HUNDRED), precision),
    })),
    appraised: c.appraised,
    provisional: c.provisional,
    computable: c.surveyMissing === 0,
  };
}
