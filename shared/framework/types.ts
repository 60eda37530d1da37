/**
 * The criteria framework (bộ tiêu chí): fields → criteria → sub-criteria, to any depth.
 * Root nodes are fields (lĩnh vực); leaves carry a scoring kind. Points are decimal
 * strings ("17.5") so that they stay exact through JSON, xlsx and the store.
 */
/** A unit group's code; the groups themselves belong to the cycle (see groups.ts). */
export type UnitGroup = string;

/** A labelled tier of a tiered kind: the unit's situation → points. */
interface Tier {
  readonly key: string;
  readonly label: string;
  readonly points: string;
}

/** A threshold on a percentage: at or above (or strictly above) `min` → points. */
interface PercentThreshold {
  readonly min: string;
  readonly inclusive: boolean;
  readonly points: string;
}

/** A count tier: at least `min` occurrences → points. */
interface CountTier {
  readonly min: number;
  readonly points: string;
}

/** A tier on the change of the index from one year to the next (percentage points). */
interface DeltaTier {
  readonly minDelta: string;
  readonly inclusive: boolean;
  readonly points: string;
}

export type Scoring =
  | { readonly kind: 'tick' }
  | { readonly kind: 'timeliness'; readonly tiers: readonly Tier[] }
  | { readonly kind: 'percentage'; readonly thresholds: readonly PercentThreshold[]; readonly otherwise: string }
  | { readonly kind: 'proportional' }
  | { readonly kind: 'count'; readonly tiers: readonly CountTier[]; readonly otherwise: string }
  | { readonly kind: 'deduction'; readonly perViolation: string; readonly floor: string }
  | { readonly kind: 'survey'; readonly source: 'cbccvc' | 'sipas' }
  | { readonly kind: 'previous_year_delta'; readonly tiers: readonly DeltaTier[]; readonly otherwise: string };

export type ScoringKind = Scoring['kind'];

export const SCORING_KINDS: readonly ScoringKind[] = [
  'tick',
  'timeliness',
  'percentage',
  'proportional',
  'count',
  'deduction',
  'survey',
  'previous_year_delta',
];

export const SCORING_KIND_LABELS: Readonly<Record<ScoringKind, string>> = {
  tick: 'Đạt / không đạt',
  timeliness: 'Mức độ đúng hạn',
  percentage: 'Ngưỡng tỷ lệ %',
  proportional: 'Tỷ lệ theo số liệu (a/b × điểm tối đa)',
  count: 'Theo số lượng',
  deduction: 'Trừ điểm theo vi phạm',
  survey: 'Điểm điều tra xã hội học',
  previous_year_delta: 'So với Chỉ số năm trước',
};

export interface FrameworkNode {
  /** Dotted code, "1", "1.2", "1.2.3"; unique within the framework. */
  readonly code: string;
  /** The parent's code, or null for a field. */
  readonly parent: string | null;
  readonly title: string;
  /** Maximum points (điểm tối đa) as a decimal string. For inner nodes, the sum of children. */
  readonly maxPoints: string;
  /** Leaves only. */
  readonly scoring?: Scoring;
  /** Unit groups the node applies to. */
  readonly groups: readonly UnitGroup[];
  /** Whether a lowered benchmark (hạ điểm chuẩn) may be applied to it. */
  readonly exemptable: boolean;
  /** Scoring guide (hướng dẫn chấm điểm). */
  readonly guide: string;
  /** Evidence requirement (tài liệu kiểm chứng). */
  readonly evidence: string;
}

export interface Framework {
  readonly name: string;
  readonly year: number;
  /** The unit group it was written for. */
  readonly group: UnitGroup;
  /** True for the built-in sample that the secretariat replaces with its own decision. */
  readonly sample: boolean;
  readonly nodes: readonly FrameworkNode[];
}
