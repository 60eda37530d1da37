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
  scaledToString,
  sub,
  toFixedHalfUp,
} from '../../../shared/decimal/rational.ts';
import { classify } from '../../../shared/results/classification.ts';
import { exemptedBy, selfScore } from './model.ts';

type Totals = DossierView['totals'];

const dec = (s: string | null | undefined): Rational => (s ? (parseDecimal(s) ?? ZERO) : ZERO);

/** The core's decimal text: exact up to 6 places, half up, trailing zeros dropped. */
export function decText(r: Rational): string {
  const s = toFixedHalfUp(r, 6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function published(r: Rational, precision: number): { text: string; scaled: bigint } {
  const scaled = roundHalfUpScaled(r, precision);
  return { text: scaledToString(scaled, precision), scaled };
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
    const before = dec(node.effective);
    const after = score ?? dec(selfScore(node));
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
  const benchmark = dec(t.benchmark);
  const total = add(dec(t.total), delta);
  const index =
    benchmark.n === 0n
      ? { text: scaledToString(0n, view.precision), scaled: 0n }
      : published(mul(div(total, benchmark), HUNDRED), view.precision);
  return {
    ...t,
    selfAssessed: decText(add(dec(t.selfAssessed), delta)),
    total: decText(total),
    index: index.text,
    classification: classify(index.scaled, view.precision),
    appraised,
    provisional,
    fields: t.fields.map((f) => {
      const d = fieldDelta.get(f.code);
      if (!d) return f;
      const points = add(dec(f.points), d);
      const b = dec(f.benchmark);
      return {
        ...f,
        points: decText(points),
        percent: b.n === 0n ? f.percent : published(mul(div(points, b), HUNDRED), view.precision).text,
      };
    }),
  };
}
