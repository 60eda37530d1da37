/**
 * A unit's totals from its sub-criterion scores: benchmark (the maxima of every
 * applicable sub-criterion minus the exempted ones), self-assessed points, survey
 * points, and per field its benchmark and points.
 */
import { type Rational, ZERO, add, parseDecimal } from '../decimal/rational.ts';
import { type FrameworkTree, ancestry, leavesUnder } from '../framework/tree.ts';
import type { Scoring, UnitGroup } from '../framework/types.ts';

interface PlanLeaf {
  readonly code: string;
  readonly fieldIndex: number;
  readonly max: Rational;
  readonly survey: 'cbccvc' | 'sipas' | null;
  /** Codes of the leaf and every ancestor: an exemption on any of them removes the leaf. */
  readonly path: readonly string[];
}

/** A framework prepared once for a unit group, reused for every unit of that group. */
export interface TotalsPlan {
  readonly group: UnitGroup;
  readonly fields: readonly { code: string; title: string }[];
  readonly leaves: readonly PlanLeaf[];
  readonly leafIndex: ReadonlyMap<string, number>;
}

interface FieldTotals {
  readonly code: string;
  readonly title: string;
  readonly benchmark: Rational;
  readonly points: Rational;
  readonly leaves: number;
  readonly scored: number;
  readonly exempted: number;
}

export interface UnitTotals {
  readonly benchmark: Rational;
  readonly selfAssessed: Rational;
  readonly surveyCbccvc: Rational;
  readonly surveySipas: Rational;
  readonly total: Rational;
  readonly fields: readonly FieldTotals[];
}

function surveySource(s: Scoring | undefined): 'cbccvc' | 'sipas' | null {
  return s?.kind === 'survey' ? s.source : null;
}

export function planTotals(tree: FrameworkTree, group: UnitGroup): TotalsPlan {
  const fields = tree.fields.filter((f) => f.groups.includes(group));
  const leaves: PlanLeaf[] = [];
  fields.forEach((f, fieldIndex) => {
    for (const leaf of leavesUnder(tree, f.code)) {
      const path = ancestry(tree, leaf.code);
      if (!path.every((c) => tree.byCode.get(c)?.groups.includes(group))) continue;
      const max = parseDecimal(leaf.maxPoints);
      if (!max) throw new RangeError(`invalid max points at ${leaf.code}`);
      leaves.push({ code: leaf.code, fieldIndex, max, survey: surveySource(leaf.scoring), path });
    }
  });
  return {
    group,
    fields: fields.map((f) => ({ code: f.code, title: f.title })),
    leaves,
    leafIndex: new Map(leaves.map((l, i) => [l.code, i])),
  };
}

/**
 * `scores` maps leaf codes to their points (missing = not yet scored = 0);
 * `exempted` holds codes of exempted nodes (any level).
 */
export function unitTotals(
  plan: TotalsPlan,
  scores: ReadonlyMap<string, Rational>,
  exempted: ReadonlySet<string>,
): UnitTotals {
  const fb: Rational[] = plan.fields.map(() => ZERO);
  const fp: Rational[] = plan.fields.map(() => ZERO);
  const nLeaves = plan.fields.map(() => 0);
  const nScored = plan.fields.map(() => 0);
  const nExempt = plan.fields.map(() => 0);
  let self = ZERO;
  let cb = ZERO;
  let sip = ZERO;
  const anyExempt = exempted.size > 0;
  for (const leaf of plan.leaves) {
    const f = leaf.fieldIndex;
    nLeaves[f]! += 1;
    if (anyExempt && leaf.path.some((c) => exempted.has(c))) {
      nExempt[f]! += 1;
      continue;
    }
    fb[f] = add(fb[f]!, leaf.max);
    const s = scores.get(leaf.code);
    if (s === undefined) continue;
    nScored[f]! += 1;
    fp[f] = add(fp[f]!, s);
    if (leaf.survey === 'cbccvc') cb = add(cb, s);
    else if (leaf.survey === 'sipas') sip = add(sip, s);
    else self = add(self, s);
  }
  let benchmark = ZERO;
  for (const b of fb) benchmark = add(benchmark, b);
  return {
    benchmark,
    selfAssessed: self,
    surveyCbccvc: cb,
    surveySipas: sip,
    total: add(add(self, cb), sip),
    fields: plan.fields.map((f, i) => ({
      code: f.code,
      title: f.title,
      benchmark: fb[i]!,
      points: fp[i]!,
      leaves: nLeaves[i]!,
      scored: nScored[i]!,
      exempted: nExempt[i]!,
    })),
  };
}
