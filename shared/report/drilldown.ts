/**
 * A unit's index down to fields, criteria, sub-criteria, appraisals and evidence (the
 * drill-down the results screen opens), and what the per-unit documents take from it:
 * the appraisal sheet's rows, the differences between appraisal and self-assessment.
 * Plain JSON; built from the store in electron/core/report/drilldown.ts.
 */
import type { ScoringKind, UnitGroup } from '../framework/types.ts';
import type { ClassificationGroup } from '../results/classification.ts';
import { type Rational, ZERO, add, cmp, parseDecimal, sub } from '../decimal/rational.ts';
import type { ResultsState } from './types.ts';
import { councilValue } from './council-value.ts';
import { type DecimalText, exactDecimalText } from '../decimal/text.ts';

export type DrillSource = 'survey' | 'final' | 'appraised' | 'self';

export interface DrillEvidence {
  readonly evidenceId: number;
  readonly title: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly page: number | null;
}

export interface DrillAppraisal {
  readonly memberId: string;
  readonly memberName: string;
  /** The member is assigned to the sub-criterion's field (only such appraisals count). */
  readonly assigned: boolean;
  readonly score: DecimalText | null;
  readonly input: unknown;
  readonly comment: string;
  readonly updatedAt: string;
  readonly evidence: readonly { readonly evidenceId: number; readonly title: string; readonly page: number | null }[];
}

interface DrillExemption {
  readonly status: 'proposed' | 'approved' | 'rejected';
  readonly reason: string;
  readonly legalBasis: string;
  readonly decisionReason: string | null;
}

export interface DrillNode {
  readonly code: string;
  readonly title: string;
  /** 0 for a field. */
  readonly depth: number;
  readonly leaf: boolean;
  readonly kind: ScoringKind | null;
  readonly max: DecimalText;
  /** Counted in the benchmark: not taken out by an approved exemption (on it or an ancestor). */
  readonly counted: boolean;
  readonly exemption: DrillExemption | null;
  /** Maximum points counted (0 when exempted); for inner nodes the sum of counted leaves. */
  readonly benchmark: DecimalText;
  /** Effective points (what the index counts); inner nodes: sum over counted leaves; null when nothing is scored. */
  readonly points: DecimalText | null;
  /** points / benchmark × 100, published; null with no benchmark or no points. */
  readonly percent: DecimalText | null;
  readonly self1: DecimalText | null;
  readonly self2: DecimalText | null;
  /** The appraised (or final, or survey) score; inner nodes: sum over counted leaves. */
  readonly appraised: DecimalText | null;
  readonly source: DrillSource | null;
  readonly final: {
    readonly score: DecimalText;
    readonly reason: string | null;
    readonly decidedBy: string | null;
    readonly sourceMember: string | null;
  } | null;
  /**
   * Unresolved conflicts: on a leaf 1 when its assigned members disagree and the council has
   * not decided (its points are then only the latest member's, provisional); on an inner
   * node, how many leaves below are so.
   */
  readonly unresolved: number;
  readonly selfInput1: unknown;
  readonly selfInput2: unknown;
  readonly declared: unknown;
  readonly explanation: string;
  readonly appraisals: readonly DrillAppraisal[];
  readonly evidence: readonly DrillEvidence[];
  readonly guide: string;
  readonly children: readonly DrillNode[];
}

export interface UnitDrilldown {
  readonly cycle: {
    readonly id: string;
    readonly name: string;
    readonly year: number;
    readonly province: string;
    readonly precision: number;
  };
  readonly unit: { readonly id: string; readonly name: string; readonly group: UnitGroup; readonly groupLabel: string };
  readonly benchmark: DecimalText;
  readonly selfAssessed: DecimalText;
  readonly surveyCbccvc: DecimalText;
  readonly surveySipas: DecimalText;
  readonly total: DecimalText;
  readonly index: DecimalText;
  readonly classification: ClassificationGroup;
  readonly rankInGroup: number;
  readonly rankOverall: number;
  readonly previousIndex: DecimalText | null;
  /** Sub-criteria scored from the self-assessment only (tạm tính). */
  readonly provisional: number;
  readonly appraisedCount: number;
  readonly fields: readonly DrillNode[];
  /** Unresolved conflicts among the unit's sub-criteria. */
  readonly conflicts: number;
  /** False when survey points are missing: index and group are not yet computable. */
  readonly computable: boolean;
  /** Draft or final. */
  readonly state: ResultsState;
}

/** Every node depth first (for a flat grid with indentation). */
export function flattenDrill(nodes: readonly DrillNode[]): DrillNode[] {
  const out: DrillNode[] = [];
  const walk = (ns: readonly DrillNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function findDrill(nodes: readonly DrillNode[], code: string): DrillNode | undefined {
  return flattenDrill(nodes).find((n) => n.code === code);
}

const rationalOrNull = (d: DecimalText | null): Rational | null => (d === null ? null : parseDecimal(d));

/** A sub-criterion where the appraisal differs from the unit's (latest) self-assessment. */
export interface Difference {
  readonly code: string;
  readonly title: string;
  readonly fieldCode: string;
  readonly max: DecimalText;
  /** The self-score of the round compared (round 2 when there is one, else round 1, or the round asked). */
  readonly self: DecimalText | null;
  readonly appraised: DecimalText;
  /** appraised − self (self missing counts as 0). */
  readonly difference: DecimalText;
  readonly comments: readonly string[];
  readonly evidence: readonly string[];
}

/**
 * Sub-criteria (counted, not survey) where an appraised or final score exists and differs
 * from the self-score of `round` (latest when omitted).
 */
export function differences(d: UnitDrilldown, round?: 1 | 2): Difference[] {
  const out: Difference[] = [];
  for (const f of d.fields) {
    for (const n of flattenDrill([f])) {
      if (!n.leaf || !n.counted || n.source === 'survey' || n.appraised === null) continue;
      if (n.source !== 'final' && n.source !== 'appraised') continue;
      // No council value while the members disagree: the unit is not told a difference yet.
      if (n.unresolved > 0) continue;
      const selfText = round === 1 ? n.self1 : round === 2 ? (n.self2 ?? n.self1) : (n.self2 ?? n.self1);
      const self = rationalOrNull(selfText) ?? ZERO;
      const appr = rationalOrNull(n.appraised) ?? ZERO;
      if (cmp(self, appr) === 0 && selfText !== null) continue;
      const council = councilValue(n).comment;
      const comments = council === '' ? [] : [council];
      const evidence = [
        ...new Set([
          ...n.evidence.map((e) => e.title),
          ...n.appraisals.filter((a) => a.assigned).flatMap((a) => a.evidence.map((e) => e.title)),
        ]),
      ];
      out.push({
        code: n.code,
        title: n.title,
        fieldCode: f.code,
        max: n.max,
        self: selfText,
        appraised: n.appraised,
        difference: exactDecimalText(sub(appr, self)),
        comments,
        evidence,
      });
    }
  }
  return out;
}

/** Per field: benchmark, self-score (round given, else latest), appraised points, difference. */
export interface FieldComparison {
  readonly code: string;
  readonly title: string;
  readonly benchmark: DecimalText;
  readonly self: DecimalText;
  readonly appraised: DecimalText;
  readonly difference: DecimalText;
}

export function fieldComparisons(d: UnitDrilldown, round?: 1 | 2): FieldComparison[] {
  return d.fields.map((f) => {
    let self = ZERO;
    let appr = ZERO;
    for (const n of flattenDrill([f])) {
      if (!n.leaf || !n.counted) continue;
      const s = round === 1 ? n.self1 : (n.self2 ?? n.self1);
      if (n.source === 'survey') {
        // surveys are imported: the same on both sides
        const p = rationalOrNull(n.points) ?? ZERO;
        self = add(self, p);
        appr = add(appr, p);
        continue;
      }
      self = add(self, rationalOrNull(s) ?? ZERO);
      appr = add(appr, rationalOrNull(n.points) ?? ZERO);
    }
    return {
      code: f.code,
      title: f.title,
      benchmark: f.benchmark,
      self: exactDecimalText(self),
      appraised: exactDecimalText(appr),
      difference: exactDecimalText(sub(appr, self)),
    };
  });
}
