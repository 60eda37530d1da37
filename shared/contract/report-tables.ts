/**
 * The results report's tables as the contract carries them: per-unit summary, averages, field tables, groups, the
 * classified units (shared/report/types.ts).
 */
import { z } from 'zod';
import type { UnitGroup } from '../framework/types.ts';
import type { Report } from '../report/types.ts';
import { Dec, UnitGroupSchema } from './scoring.ts';

const Classification = z.literal([1, 2, 3, 4, 5]);
const Group: z.ZodType<UnitGroup> = UnitGroupSchema;
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

// ---------------------------------------------------------------- report

export const ReportCycle = z.strictObject({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  province: z.string(),
  precision: z.number().int(),
});
const UnitRef = z.strictObject({ unitId: z.string(), unit: z.string(), value: Dec });
const Counts = z.strictObject({
  '1': z.number().int(),
  '2': z.number().int(),
  '3': z.number().int(),
  '4': z.number().int(),
  '5': z.number().int(),
});

const SummaryRow = z.strictObject({
  stt: z.number().int(),
  unitId: z.string(),
  unit: z.string(),
  group: Group,
  benchmark: Dec,
  selfAssessed: Dec,
  surveyCbccvc: Dec,
  surveySipas: Dec,
  survey: Dec,
  total: Dec,
  index: Dec,
  classification: Classification,
  rankInGroup: z.number().int(),
  rankOverall: z.number().int(),
  previousIndex: Dec.nullable(),
  change: Dec.nullable(),
  respondentsCbccvc: z.number().int().nullable(),
  respondentsSipas: z.number().int().nullable(),
  conflicts: z.number().int(),
  computable: z.boolean(),
});

const AverageRow = z.strictObject({
  benchmark: Dec,
  selfAssessed: Dec,
  surveyCbccvc: Dec,
  surveySipas: Dec,
  survey: Dec,
  total: Dec,
  index: Dec,
  previousIndex: Dec.nullable(),
  change: Dec.nullable(),
});

const Stats = z.strictObject({
  count: z.number().int(),
  average: Dec,
  highest: UnitRef,
  lowest: UnitRef,
  spread: Dec,
  classificationCounts: Counts,
  previousAverage: Dec.nullable(),
  averageChange: Dec.nullable(),
  withPrevious: z.number().int(),
});

const FieldCell = z.strictObject({ benchmark: Dec, points: Dec, percent: Dec.nullable() });
const FieldRow = z.strictObject({
  stt: z.number().int(),
  unitId: z.string(),
  unit: z.string(),
  index: Dec,
  cells: list(FieldCell.nullable()),
});
const FieldStat = z.strictObject({
  code: z.string(),
  title: z.string(),
  count: z.number().int(),
  averageBenchmark: Dec,
  averagePoints: Dec,
  averagePercent: Dec,
  highest: UnitRef,
  lowest: UnitRef,
  spread: Dec,
});
const MissedItem = z.strictObject({
  code: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  max: Dec,
  units: list(z.strictObject({ unitId: z.string(), unit: z.string() })),
});

const GroupReport = z.strictObject({
  group: Group,
  label: z.string(),
  shortLabel: z.string(),
  noun: z.string(),
  count: z.number().int(),
  rows: list(SummaryRow),
  average: AverageRow,
  stats: Stats,
  fieldColumns: list(z.strictObject({ code: z.string(), title: z.string() })),
  fieldRows: list(FieldRow),
  fieldStats: list(FieldStat),
  missed: list(MissedItem),
});

const ClassifiedUnit = z.strictObject({
  unitId: z.string(),
  unit: z.string(),
  group: Group,
  groupLabel: z.string(),
  index: Dec,
  classification: Classification,
  classificationLabel: z.string(),
  rankInGroup: z.number().int(),
  rankOverall: z.number().int(),
  previousIndex: Dec.nullable(),
  change: Dec.nullable(),
  conflicts: z.number().int(),
  computable: z.boolean(),
});

const ReportStatus = z.strictObject({
  finalised: z.boolean(),
  snapshotHash: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  unresolvedConflicts: z.number().int(),
  provisionalScores: z.number().int(),
  notComputable: z.number().int(),
});

export const ReportSchema: z.ZodType<Report> = z.strictObject({
  cycle: ReportCycle,
  precision: z.number().int(),
  previousYear: z.number().int().nullable(),
  groups: list(GroupReport),
  units: list(ClassifiedUnit),
  overall: Stats.nullable(),
  status: ReportStatus,
});
