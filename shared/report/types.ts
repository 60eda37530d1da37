/**
 * The report's data: what the council sees and the province publishes. Inputs are exact
 * (rationals); every view below is plain JSON (numbers as decimal text, see numbers.ts)
 * so that screens, documents and exports share one shape.
 */
import type { Rational } from '../decimal/rational.ts';
import type { UnitGroupInfo } from '../framework/groups.ts';
import type { UnitGroup } from '../framework/types.ts';
import type { ClassificationGroup } from '../results/classification.ts';
import type { DecimalText } from '../decimal/text.ts';

// ---------------------------------------------------------------- inputs (exact)

interface FieldFigures {
  readonly code: string;
  readonly title: string;
  readonly benchmark: Rational;
  readonly points: Rational;
}

/** A sub-criterion a unit did not meet: applicable, not exempted, 0 points (or not scored). */
export interface MissedItem {
  readonly code: string;
  readonly title: string;
  readonly fieldCode: string;
  readonly max: DecimalText;
  /** False when the sub-criterion has no score at all (counted as 0). */
  readonly scored: boolean;
}

export interface ReportUnitInput {
  readonly id: string;
  readonly name: string;
  readonly group: UnitGroup;
  readonly benchmark: Rational;
  readonly selfAssessed: Rational;
  readonly surveyCbccvc: Rational;
  readonly surveySipas: Rational;
  readonly fields: readonly FieldFigures[];
  /** The previous year's published index, scaled at the cycle's precision; null when not imported. */
  readonly previousPublished?: bigint | null;
  readonly missed?: readonly MissedItem[];
  /** Survey respondents, when known. */
  readonly respondents?: { readonly cbccvc: number | null; readonly sipas: number | null };
  /** Sub-criteria whose members disagree with no council decision yet. */
  readonly conflicts?: number;
  /** Sub-criteria counted from the self-assessment only (tạm tính). */
  readonly provisional?: number;
  /** Survey sub-criteria with no survey points yet: the index cannot be computed. */
  readonly surveyMissing?: number;
}

/** Whether the results are the council's final ones (finalised, with the snapshot's hash) or still a draft. */
export interface ResultsState {
  readonly finalised: boolean;
  /** sha256 of the stored results snapshot when finalised; null while a draft. */
  readonly snapshotHash: string | null;
  readonly finalisedAt: string | null;
}

interface ReportCycle {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly province: string;
  readonly precision: number;
}

export interface ReportInput {
  readonly cycle: ReportCycle;
  /** The cycle's unit groups, in order: their labels name the tables, charts and sentences. */
  readonly groups: readonly UnitGroupInfo[];
  /** The year the previous results are from (normally year − 1), or null. */
  readonly previousYear: number | null;
  readonly units: readonly ReportUnitInput[];
  /** Draft unless said otherwise. */
  readonly state?: ResultsState;
}

// ---------------------------------------------------------------- views (JSON)

export type ClassificationCounts = Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>;

export interface UnitRefView {
  readonly unitId: string;
  readonly unit: string;
  /** Published value (index or field percent). */
  readonly value: DecimalText;
}

/** One row of the report's per-group table. */
export interface SummaryRow {
  readonly stt: number;
  readonly unitId: string;
  readonly unit: string;
  readonly group: UnitGroup;
  /** Điểm chuẩn tối đa. */
  readonly benchmark: DecimalText;
  /** Điểm tự đánh giá (appraised self-assessment points, surveys excluded). */
  readonly selfAssessed: DecimalText;
  /** Khảo sát CBCCVC. */
  readonly surveyCbccvc: DecimalText;
  /** Chỉ số SIPAS. */
  readonly surveySipas: DecimalText;
  /** Điểm ĐTXHH (both surveys). */
  readonly survey: DecimalText;
  /** Tổng điểm đạt được. */
  readonly total: DecimalText;
  /** Chỉ số CCHC, published (precision decimals, half up). */
  readonly index: DecimalText;
  readonly classification: ClassificationGroup;
  readonly rankInGroup: number;
  readonly rankOverall: number;
  readonly previousIndex: DecimalText | null;
  /** index − previousIndex, percentage points. */
  readonly change: DecimalText | null;
  readonly respondentsCbccvc: number | null;
  readonly respondentsSipas: number | null;
  /** Unresolved conflicts among its sub-criteria. */
  readonly conflicts: number;
  /** False when survey points are missing: index and group are not yet computable (chưa tính được). */
  readonly computable: boolean;
}

/** The TRUNG BÌNH row: column means (points to 2 decimals), the index as the mean of published indices. */
export interface AverageRow {
  readonly benchmark: DecimalText;
  readonly selfAssessed: DecimalText;
  readonly surveyCbccvc: DecimalText;
  readonly surveySipas: DecimalText;
  readonly survey: DecimalText;
  readonly total: DecimalText;
  readonly index: DecimalText;
  readonly previousIndex: DecimalText | null;
  readonly change: DecimalText | null;
}

export interface StatsView {
  readonly count: number;
  readonly average: DecimalText;
  readonly highest: UnitRefView;
  readonly lowest: UnitRefView;
  /** highest − lowest. */
  readonly spread: DecimalText;
  readonly classificationCounts: ClassificationCounts;
  /** Mean of the previous year's published indices of the same units (those that have one). */
  readonly previousAverage: DecimalText | null;
  readonly averageChange: DecimalText | null;
  /** How many of the units have a previous-year index. */
  readonly withPrevious: number;
}

export interface FieldColumn {
  readonly code: string;
  readonly title: string;
}

export interface FieldCell {
  readonly benchmark: DecimalText;
  readonly points: DecimalText;
  /** points / benchmark × 100, published; null when the whole field is exempted (benchmark 0). */
  readonly percent: DecimalText | null;
}

export interface FieldRow {
  readonly stt: number;
  readonly unitId: string;
  readonly unit: string;
  readonly index: DecimalText;
  /** In the order of the group's fieldColumns; null where the field does not apply. */
  readonly cells: readonly (FieldCell | null)[];
}

export interface FieldStat {
  readonly code: string;
  readonly title: string;
  readonly count: number;
  readonly averageBenchmark: DecimalText;
  readonly averagePoints: DecimalText;
  /** Mean of the units' published field percentages. */
  readonly averagePercent: DecimalText;
  readonly highest: UnitRefView;
  readonly lowest: UnitRefView;
  readonly spread: DecimalText;
}

export interface MissedGroupItem {
  readonly code: string;
  readonly title: string;
  readonly fieldCode: string;
  readonly max: DecimalText;
  readonly units: readonly { readonly unitId: string; readonly unit: string }[];
}

export interface GroupReport {
  readonly group: UnitGroup;
  readonly label: string;
  /** For tabs, sheet names and charts. */
  readonly shortLabel: string;
  /** How a sentence names the group's units ("sở, ban, ngành tỉnh"). */
  readonly noun: string;
  readonly count: number;
  /** Sorted by index (highest first), STT 1..n. */
  readonly rows: readonly SummaryRow[];
  readonly average: AverageRow;
  readonly stats: StatsView;
  readonly fieldColumns: readonly FieldColumn[];
  /** Same order as rows. */
  readonly fieldRows: readonly FieldRow[];
  readonly fieldStats: readonly FieldStat[];
  /** Sub-criteria missed by at least one unit of the group, in code order. */
  readonly missed: readonly MissedGroupItem[];
}

/** A unit in the all-units list with its classification. */
export interface ClassifiedUnit {
  readonly unitId: string;
  readonly unit: string;
  readonly group: UnitGroup;
  readonly groupLabel: string;
  readonly index: DecimalText;
  readonly classification: ClassificationGroup;
  readonly classificationLabel: string;
  readonly rankInGroup: number;
  readonly rankOverall: number;
  readonly previousIndex: DecimalText | null;
  readonly change: DecimalText | null;
  readonly conflicts: number;
  readonly computable: boolean;
}

/** Draft or final, and what keeps the results from being final. */
export interface ReportStatus extends ResultsState {
  /** Unresolved conflicts in the whole cycle. */
  readonly unresolvedConflicts: number;
  /** Sub-criteria still counted from the self-assessment. */
  readonly provisionalScores: number;
  /** Units whose index cannot be computed yet (survey points missing). */
  readonly notComputable: number;
}

export interface Report {
  readonly cycle: ReportCycle;
  readonly precision: number;
  readonly previousYear: number | null;
  /** In the order department, district, public_service_unit, central_agency; groups without units left out. */
  readonly groups: readonly GroupReport[];
  /** Every unit, by index (highest first), then name. */
  readonly units: readonly ClassifiedUnit[];
  readonly overall: StatsView | null;
  readonly status: ReportStatus;
}
