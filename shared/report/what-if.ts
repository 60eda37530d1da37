/**
 * What-if for a unit: which of its not-yet-met sub-criteria would move it to the next
 * classification group, with the points each brings. Exact: the published index is
 * rounded half up, so group 2 (80,00%) is reached from an unrounded 79,995%, and group 1
 * (above 90%) needs a published 90,01% at 2 decimals, i.e. 90,005% unrounded.
 *
 * Candidates are the applicable, not exempted sub-criteria scored below their maximum
 * (survey points are imported, so they are not candidates). The fewest sub-criteria that
 * reach the next group are the ones with the largest gains: any k of them gain at most
 * the k largest together.
 */
import { type Rational, ZERO, add, cmp, div, mul, rat, roundHalfUpScaled, sub, HUNDRED } from '../decimal/rational.ts';
import { CLASSIFICATION_LABELS, type ClassificationGroup, classify } from '../results/classification.ts';
import { unitIndex } from '../results/compute.ts';
import { type DecimalText, exactDecimalText, scaledDecimalText } from '../decimal/text.ts';

export interface WhatIfLeaf {
  readonly code: string;
  readonly title: string;
  readonly fieldCode: string;
  readonly max: Rational;
  /** The effective score now (0 when not scored). */
  readonly points: Rational;
}

export interface WhatIfInput {
  readonly benchmark: Rational;
  readonly total: Rational;
  readonly precision: number;
  /** Applicable, not exempted, non-survey sub-criteria. */
  readonly leaves: readonly WhatIfLeaf[];
}

interface WhatIfCandidate {
  readonly code: string;
  readonly title: string;
  readonly fieldCode: string;
  readonly max: DecimalText;
  readonly points: DecimalText;
  /** max − points. */
  readonly gain: DecimalText;
  /** Published index if this one alone were fully met. */
  readonly indexIfMet: DecimalText;
  readonly classificationIfMet: ClassificationGroup;
  /** Whether this one alone reaches the next group. */
  readonly reachesNextAlone: boolean;
}

export interface WhatIfResult {
  readonly index: DecimalText;
  readonly classification: ClassificationGroup;
  readonly classificationLabel: string;
  /** null when already in group 1. */
  readonly nextClassification: ClassificationGroup | null;
  readonly nextClassificationLabel: string | null;
  /** The lowest published index of the next group ("80.00", "90.01"). */
  readonly targetIndex: DecimalText | null;
  /** Points still needed (exact, up to 6 decimals) to reach the target; "0" when in group 1. */
  readonly pointsNeeded: DecimalText | null;
  /** Largest gain first. */
  readonly candidates: readonly WhatIfCandidate[];
  /** The fewest sub-criteria that together reach the next group (largest gains first); null when even all of them do not. */
  readonly fewest: {
    readonly codes: readonly string[];
    readonly gain: DecimalText;
    readonly indexAfter: DecimalText;
    readonly classificationAfter: ClassificationGroup;
  } | null;
  /** Published index if every candidate were met. */
  readonly indexIfAllMet: DecimalText;
}

/** The lowest published value (scaled) of each group, at `places`. */
export function groupFloor(group: ClassificationGroup, places: number): bigint {
  const unit = 10n ** BigInt(places);
  switch (group) {
    case 1:
      return 90n * unit + 1n;
    case 2:
      return 80n * unit;
    case 3:
      return 65n * unit;
    case 4:
      return 50n * unit;
    case 5:
      return 0n;
  }
}

/** The smallest total whose published index is at least `published` (scaled): (published − ½) / 10^p × benchmark / 100. */
export function totalForPublished(published: bigint, places: number, benchmark: Rational): Rational {
  const unrounded = rat(published * 2n - 1n, 2n * 10n ** BigInt(places));
  const t = mul(div(unrounded, HUNDRED), benchmark);
  return cmp(t, ZERO) < 0 ? ZERO : t;
}

export function whatIf(input: WhatIfInput): WhatIfResult {
  const p = input.precision;
  const published = (total: Rational) => roundHalfUpScaled(unitIndex(total, input.benchmark), p);
  const now = published(input.total);
  const cls = classify(now, p);
  const next = cls === 1 ? null : ((cls - 1) as ClassificationGroup);
  const target = next === null ? null : groupFloor(next, p);
  const needed = target === null ? ZERO : sub(totalForPublished(target, p, input.benchmark), input.total);
  const neededPos = cmp(needed, ZERO) > 0 ? needed : ZERO;

  const open = input.leaves
    .map((l) => ({ l, gain: sub(l.max, l.points) }))
    .filter((x) => cmp(x.gain, ZERO) > 0)
    .sort((a, b) => cmp(b.gain, a.gain) || a.l.code.localeCompare(b.l.code, 'en', { numeric: true }));

  const candidates: WhatIfCandidate[] = open.map(({ l, gain }) => {
    const after = published(add(input.total, gain));
    return {
      code: l.code,
      title: l.title,
      fieldCode: l.fieldCode,
      max: exactDecimalText(l.max),
      points: exactDecimalText(l.points),
      gain: exactDecimalText(gain),
      indexIfMet: scaledDecimalText(after, p),
      classificationIfMet: classify(after, p),
      reachesNextAlone: target !== null && after >= target,
    };
  });

  let fewest: WhatIfResult['fewest'] = null;
  if (target !== null) {
    let acc = ZERO;
    const codes: string[] = [];
    for (const { l, gain } of open) {
      acc = add(acc, gain);
      codes.push(l.code);
      if (cmp(acc, neededPos) >= 0) {
        const after = published(add(input.total, acc));
        fewest = {
          codes,
          gain: exactDecimalText(acc),
          indexAfter: scaledDecimalText(after, p),
          classificationAfter: classify(after, p),
        };
        break;
      }
    }
  }
  const all = open.reduce((s, x) => add(s, x.gain), ZERO);
  return {
    index: scaledDecimalText(now, p),
    classification: cls,
    classificationLabel: CLASSIFICATION_LABELS[cls],
    nextClassification: next,
    nextClassificationLabel: next === null ? null : CLASSIFICATION_LABELS[next],
    targetIndex: target === null ? null : scaledDecimalText(target, p),
    pointsNeeded: next === null ? null : exactDecimalText(neededPos),
    candidates,
    fewest,
    indexIfAllMet: scaledDecimalText(published(add(input.total, all)), p),
  };
}
