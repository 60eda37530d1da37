/**
 * The unit's totals with my unsaved scores applied, computed here so that a tick repaints the
 * benchmark, total, index and classification at once; the core's answer replaces them (it is
 * the authority, and normally says the same). Same exact arithmetic as the core: rationals,
 * published figures half up at the cycle's precision.
 */
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import {
  type Rational,
  HUNDRED,
  ZERO,
  add,
  div,
  mul,
  parseDecimal,
  roundHalfUpScaled,
  sub,
} from '../../../shared/decimal/rational.ts';
import { classify } from '../../../shared/results/classification.ts';
import { exemptedBy, selfScore } from './model.ts';
import { roundedDecimalText, scaledDecimalText } from '../../../shared/decimal/text.ts';

type Totals = DossierView['totals'];

const rationalOrZero = (s: string | null | undefined): Rational => (s ? (parseDecimal(s) ?? ZERO) : ZERO);

/** Points are spelled as the core does for the values it sees: up to 6 places, half up, trailing zeros dropped. */
const pointsText = (r: Rational): string => roundedDecimalText(r, 6);

function published(r: Rational, precision: number): { text: string; scaled: bigint } {
  const scaled = roundHalfUpScaled(r, precision);
  return { text: scaledDecimalText(scaled, precision), scaled };
}

/**
 * `scores`: leaf code → my local score (null: cleared, the self-score counts again).
 * Leaves that are exempted, surveyed or locked are left to the core.
 */
export function totalsWithLocalScores(
  view: DossierView,
  byCode: ReadonlyMap<string, DossierNode>,
  scores: ReadonlyMap<string, Rational | null>,
): Totals {
  if (scores.size === 0) return view.totals;
  let delta = ZERO;
  let appraised = view.totals.appraised;
  let provisional = view.totals.provisional;
  const fieldDelta = new Map<string, Rational>();
  for (const [code, score] of scores) {
    const node = byCode.get(code);
    if (!node?.leaf || node.readOnly || node.scoring?.kind === 'survey' || exemptedBy(byCode, code)) continue;
    const before = rationalOrZero(node.effective);
    const after = score ?? rationalOrZero(selfScore(node));
    const d = sub(after, before);
    const was = node.appraisal?.score != null;
    const now = score !== null;
    if (was !== now) {
      appraised += now ? 1 : -1;
      provisional += now ? -1 : 1;
    }
    if (d.n === 0n) continue;
    delta = add(delta, d);
    fieldDelta.set(node.field, add(fieldDelta.get(node.field) ?? ZERO, d));
  }
  if (delta.n === 0n && appraised === view.totals.appraised) return view.totals;
  const t = view.totals;
  const benchmark = rationalOrZero(t.benchmark);
  const total = add(rationalOrZero(t.total), delta);
  const index =
    benchmark.n === 0n
      ? { text: scaledDecimalText(0n, view.precision), scaled: 0n }
      : published(mul(div(total, benchmark), HUNDRED), view.precision);
  return {
    ...t,
    selfAssessed: pointsText(add(rationalOrZero(t.selfAssessed), delta)),
    total: pointsText(total),
    index: index.text,
    classification: classify(index.scaled, view.precision),
    appraised,
    provisional,
    fields: t.fields.map((f) => {
      const d = fieldDelta.get(f.code);
      if (!d) return f;
      const points = add(rationalOrZero(f.points), d);
      const b = rationalOrZero(f.benchmark);
      return {
        ...f,
        points: pointsText(points),
        percent: b.n === 0n ? f.percent : published(mul(div(points, b), HUNDRED), view.precision).text,
      };
    }),
  };
}
