/**
 * The results screens' other views as the contract carries them: a unit's drill-down, the charts, the narrative,
 * the what-if.
 */
import { z } from 'zod';
import type { UnitGroup, ScoringKind } from '../framework/types.ts';
import { SCORING_KINDS } from '../framework/types.ts';
import type { ReportCharts } from '../report/charts.ts';
import type { UnitDrilldown, DrillNode } from '../report/drilldown.ts';
import type { NarrativeSection } from '../report/narrative.ts';
import type { WhatIfResult } from '../report/what-if.ts';
import { Dec, UnitGroupSchema } from './scoring.ts';
import { ReportCycle } from './report-tables.ts';

const Classification = z.literal([1, 2, 3, 4, 5]);
const Group: z.ZodType<UnitGroup> = UnitGroupSchema;
const Kind = z.enum(SCORING_KINDS as unknown as [ScoringKind, ...ScoringKind[]]);
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

// ---------------------------------------------------------------- drill-down

const DrillNodeSchema: z.ZodType<DrillNode> = z.lazy(() =>
  z.strictObject({
    code: z.string(),
    title: z.string(),
    depth: z.number().int(),
    leaf: z.boolean(),
    kind: Kind.nullable(),
    max: Dec,
    counted: z.boolean(),
    exemption: z
      .strictObject({
        status: z.enum(['proposed', 'approved', 'rejected']),
        reason: z.string(),
        legalBasis: z.string(),
        decisionReason: z.string().nullable(),
      })
      .nullable(),
    benchmark: Dec,
    points: Dec.nullable(),
    percent: Dec.nullable(),
    self1: Dec.nullable(),
    self2: Dec.nullable(),
    appraised: Dec.nullable(),
    source: z.enum(['survey', 'final', 'appraised', 'self']).nullable(),
    final: z
      .strictObject({
        score: Dec,
        reason: z.string().nullable(),
        decidedBy: z.string().nullable(),
        sourceMember: z.string().nullable(),
      })
      .nullable(),
    unresolved: z.number().int(),
    selfInput1: z.unknown(),
    selfInput2: z.unknown(),
    declared: z.unknown(),
    explanation: z.string(),
    appraisals: list(
      z.strictObject({
        memberId: z.string(),
        memberName: z.string(),
        assigned: z.boolean(),
        score: Dec.nullable(),
        input: z.unknown(),
        comment: z.string(),
        updatedAt: z.string(),
        evidence: list(
          z.strictObject({ evidenceId: z.number().int(), title: z.string(), page: z.number().int().nullable() }),
        ),
      }),
    ),
    evidence: list(
      z.strictObject({
        evidenceId: z.number().int(),
        title: z.string(),
        fileName: z.string(),
        sha256: z.string(),
        page: z.number().int().nullable(),
      }),
    ),
    guide: z.string(),
    children: list(DrillNodeSchema),
  }),
);

export const UnitDrilldownSchema: z.ZodType<UnitDrilldown> = z.strictObject({
  cycle: ReportCycle,
  unit: z.strictObject({ id: z.string(), name: z.string(), group: Group, groupLabel: z.string() }),
  benchmark: Dec,
  selfAssessed: Dec,
  surveyCbccvc: Dec,
  surveySipas: Dec,
  total: Dec,
  index: Dec,
  classification: Classification,
  rankInGroup: z.number().int(),
  rankOverall: z.number().int(),
  previousIndex: Dec.nullable(),
  provisional: z.number().int(),
  appraisedCount: z.number().int(),
  fields: list(DrillNodeSchema),
  conflicts: z.number().int(),
  computable: z.boolean(),
  state: z.strictObject({
    finalised: z.boolean(),
    snapshotHash: z.string().nullable(),
    finalisedAt: z.string().nullable(),
  }),
});

// ---------------------------------------------------------------- charts, narrative, what-if

const BarChart = z.strictObject({
  key: z.string(),
  title: z.string(),
  labels: list(z.string()),
  series: list(z.strictObject({ label: z.string(), values: list(z.number().nullable()) })),
  bounds: list(z.strictObject({ value: z.number(), label: z.string() })),
  min: z.number(),
  max: z.number(),
  unit: z.literal('%'),
});

export const ChartsSchema: z.ZodType<ReportCharts> = z.strictObject({
  indicesByGroup: list(BarChart),
  fieldAveragesByGroup: list(BarChart),
  yearOnYear: list(BarChart),
});

export const NarrativeSchema: z.ZodType<readonly NarrativeSection[]> = list(
  z.strictObject({
    key: z.string(),
    title: z.string(),
    group: Group.nullable(),
    sentences: list(
      z.strictObject({
        key: z.string(),
        text: z.string(),
        generated: z.string(),
        edited: z.boolean(),
        stale: z.boolean(),
      }),
    ),
  }),
);

export const WhatIfSchema: z.ZodType<WhatIfResult> = z.strictObject({
  index: Dec,
  classification: Classification,
  classificationLabel: z.string(),
  nextClassification: Classification.nullable(),
  nextClassificationLabel: z.string().nullable(),
  targetIndex: Dec.nullable(),
  pointsNeeded: Dec.nullable(),
  candidates: list(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      fieldCode: z.string(),
      max: Dec,
      points: Dec,
      gain: Dec,
      indexIfMet: Dec,
      classificationIfMet: Classification,
      reachesNextAlone: z.boolean(),
    }),
  ),
  fewest: z
    .strictObject({ codes: list(z.string()), gain: Dec, indexAfter: Dec, classificationAfter: Classification })
    .nullable(),
  indexIfAllMet: Dec,
});
