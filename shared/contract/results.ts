/**
 * `results.*`, `meeting.*` (and, with the files mechanism, `survey.*`, `previous.*`,
 * `documents.*`, `export.*`): the results screens . Everybody may read the
 * results; imports, narrative edits, meeting details and printing are for the secretariat.
 *
 * The views are the core's report types (shared/report/*): each schema is annotated with
 * the type it checks, so the renderer receives exactly `Report`, `UnitDrilldown`, …
 */
import { z } from 'zod';
import type { UnitGroup, ScoringKind } from '../framework/types.ts';
import { SCORING_KINDS } from '../framework/types.ts';
import type { ReportCharts } from '../report/charts.ts';
import type { UnitDrilldown, DrillNode } from '../report/drilldown.ts';
import type { NarrativeSection } from '../report/narrative.ts';
import type { Report } from '../report/types.ts';
import type { WhatIfResult } from '../report/what-if.ts';
import { NoInput } from './common.ts';
import { defineMethod } from './define.ts';
import { OutboxFile, Ticket } from './files.ts';
import { Dec, UnitGroupSchema } from './scoring.ts';

const Id = z.string().trim().min(1).max(80);
const Classification = z.literal([1, 2, 3, 4, 5]);
const Group: z.ZodType<UnitGroup> = UnitGroupSchema;
const Kind = z.enum(SCORING_KINDS as unknown as [ScoringKind, ...ScoringKind[]]);
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

// ---------------------------------------------------------------- report

const ReportCycle = z.strictObject({
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

const ReportSchema: z.ZodType<Report> = z.strictObject({
  cycle: ReportCycle,
  precision: z.number().int(),
  previousYear: z.number().int().nullable(),
  groups: list(GroupReport),
  units: list(ClassifiedUnit),
  overall: Stats.nullable(),
  status: ReportStatus,
});

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

const UnitDrilldownSchema: z.ZodType<UnitDrilldown> = z.strictObject({
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

const ChartsSchema: z.ZodType<ReportCharts> = z.strictObject({
  indicesByGroup: list(BarChart),
  fieldAveragesByGroup: list(BarChart),
  yearOnYear: list(BarChart),
});

const NarrativeSchema: z.ZodType<readonly NarrativeSection[]> = list(
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

const WhatIfSchema: z.ZodType<WhatIfResult> = z.strictObject({
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

// ---------------------------------------------------------------- meeting

const Line = z.string().max(2000);
const ShortText = z.string().max(500);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DateTimeText = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const Attendance = z.strictObject({ memberId: Id, present: z.boolean(), note: z.string().max(500) });

/** The council meeting the minutes record (electron/core/report/meeting.ts). */
const MeetingSchema = z.strictObject({
  issuerParent: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  placeName: z.string(),
  documentDate: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  location: z.string(),
  legalBases: list(z.string()),
  chairName: z.string(),
  chairPosition: z.string(),
  secretaryName: z.string(),
  secretaryPosition: z.string(),
  otherAttendees: list(z.string()),
  contents: z.string(),
  conclusions: list(z.string()),
  copies: z.number().int().nullable(),
  attendance: list(z.strictObject({ memberId: z.string(), present: z.boolean(), note: z.string() })),
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
});
const MeetingPatchSchema = z.strictObject({
  issuerParent: ShortText.optional(),
  issuer: ShortText.optional(),
  docNumber: ShortText.optional(),
  placeName: ShortText.optional(),
  documentDate: DateText.nullable().optional(),
  startsAt: DateTimeText.nullable().optional(),
  endsAt: DateTimeText.nullable().optional(),
  location: ShortText.optional(),
  legalBases: z.array(Line).max(50).optional(),
  chairName: ShortText.optional(),
  chairPosition: ShortText.optional(),
  secretaryName: ShortText.optional(),
  secretaryPosition: ShortText.optional(),
  otherAttendees: z.array(ShortText).max(100).optional(),
  contents: z.string().max(20000).optional(),
  conclusions: z.array(Line).max(100).optional(),
  copies: z.number().int().min(1).max(99).nullable().optional(),
  attendance: z.array(Attendance).max(200).optional(),
});
export type MeetingPatch = z.input<typeof MeetingPatchSchema>;

/** The meeting with the roster it is filled from (members of the council, for attendance). */
export const MeetingWithRoster = z.strictObject({
  meeting: MeetingSchema,
  members: list(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      position: z.string(),
      agency: z.string(),
      fields: list(z.string()),
    }),
  ),
  /** Whether this installation may edit and print (secretariat role). */
  canEdit: z.boolean(),
});
export type MeetingWithRoster = z.infer<typeof MeetingWithRoster>;

// ---------------------------------------------------------------- namespaces

/** What the results screens need besides the report: who asks (for the secretariat's actions). */
const ResultsAccess = z.strictObject({ canEdit: z.boolean(), cycleStatus: z.enum(['open', 'finalised']) });

export const results = {
  report: defineMethod({ input: NoInput, output: z.strictObject({ report: ReportSchema, access: ResultsAccess }) }),
  unit: defineMethod({ input: z.strictObject({ unitId: Id }), output: UnitDrilldownSchema }),
  charts: defineMethod({ input: NoInput, output: ChartsSchema }),
  narrative: defineMethod({
    input: NoInput,
    output: z.strictObject({ sections: NarrativeSchema, access: ResultsAccess }),
  }),
  editNarrative: defineMethod({
    input: z.strictObject({ key: z.string().trim().min(1).max(200), text: z.string().max(5000).nullable() }),
    output: NarrativeSchema,
    mutates: true,
  }),
  whatIf: defineMethod({ input: z.strictObject({ unitId: Id }), output: WhatIfSchema }),
};

export const meeting = {
  get: defineMethod({ input: NoInput, output: MeetingWithRoster }),
  save: defineMethod({ input: MeetingPatchSchema, output: MeetingWithRoster, mutates: true }),
};

// ---------------------------------------------------------------- imports (by upload ticket)

const Source = z.enum(['cbccvc', 'sipas']);

const SurveyImportInput = z.strictObject({
  ticket: Ticket,
  /** Default: recognised from the headers (question columns → responses). */
  kind: z.enum(['points', 'responses']).optional(),
  /** The survey of a responses file. */
  source: Source.optional(),
  allowUnmatched: z.boolean().optional(),
});

export const SurveyPreview = z.strictObject({
  cycleId: z.string(),
  file: z.string(),
  kind: z.enum(['points', 'responses']),
  source: Source.nullable(),
  rows: list(
    z.strictObject({
      unitId: z.string(),
      unit: z.string(),
      source: Source,
      points: Dec,
      max: Dec,
      respondents: z.number().int().nullable(),
      answers: z.number().int().optional(),
      blanks: z.number().int().optional(),
      optionCounts: z.record(z.string(), z.number().int()).optional(),
      satisfaction: Dec.optional(),
      previous: z.strictObject({ points: Dec, respondents: z.number().int().nullable() }).nullable(),
    }),
  ),
  unmatched: list(z.strictObject({ unit: z.string(), row: z.number().int() })),
  missing: list(z.strictObject({ unitId: z.string(), unit: z.string(), source: Source })),
  respondents: z.number().int(),
  answers: z.number().int(),
  scale: z
    .strictObject({ options: list(z.strictObject({ key: z.string(), label: z.string(), weight: z.string() })) })
    .nullable(),
  committed: z.boolean(),
});
export type SurveyPreview = z.infer<typeof SurveyPreview>;

/** The survey points the cycle holds now, per unit (null: not imported), and what raw-response imports counted. */
export const SurveyCurrent = z.strictObject({
  units: list(
    z.strictObject({
      unitId: z.string(),
      unit: z.string(),
      group: Group,
      cbccvc: z
        .strictObject({ points: Dec, respondents: z.number().int().nullable(), importedAt: z.string() })
        .nullable(),
      sipas: z
        .strictObject({ points: Dec, respondents: z.number().int().nullable(), importedAt: z.string() })
        .nullable(),
    }),
  ),
  responses: list(
    z.strictObject({
      unitId: z.string(),
      source: Source,
      respondents: z.number().int(),
      answers: z.number().int(),
      blanks: z.number().int(),
      optionCounts: z.record(z.string(), z.number().int()),
      satisfaction: Dec,
      points: Dec,
      file: z.string(),
      importedAt: z.string(),
    }),
  ),
  previousYears: list(z.number().int()),
  canEdit: z.boolean(),
});
export type SurveyCurrent = z.infer<typeof SurveyCurrent>;

const PreviousImportInput = z.strictObject({
  tickets: z.array(Ticket).min(1).max(8),
  /** Default: the cycle's year − 1. */
  year: z.number().int().min(1900).max(3000).optional(),
  allowUnmatched: z.boolean().optional(),
});

export const PreviousPreview = z.strictObject({
  cycleId: z.string(),
  year: z.number().int(),
  precision: z.number().int(),
  rows: list(
    z.strictObject({
      unitId: z.string(),
      unit: z.string(),
      fileUnit: z.string(),
      group: Group,
      index: Dec,
      before: Dec.nullable(),
      file: z.string(),
      row: z.number().int(),
    }),
  ),
  unmatched: list(
    z.strictObject({ unit: z.string(), group: Group, index: Dec, file: z.string(), row: z.number().int() }),
  ),
  missing: list(z.strictObject({ unitId: z.string(), unit: z.string() })),
  committed: z.boolean(),
});
export type PreviousPreview = z.infer<typeof PreviousPreview>;

// ---------------------------------------------------------------- documents and exports (→ outbox ticket)

/** A file the core produced into the outbox: save it with files.save. */
export const ProducedFile = OutboxFile.extend({ pages: z.number().int().nullable() });
export type ProducedFile = z.infer<typeof ProducedFile>;

const MinutesInput = z.strictObject({ charts: z.boolean().optional(), fieldTables: z.boolean().optional() });
const SheetsInput = z.strictObject({
  unitIds: z.array(Id).min(1).max(200),
  kind: z.enum(['appraisal', 'notice', 'feedback']),
  round: z.union([z.literal(1), z.literal(2)]).optional(),
  /** Round-1 notices: the deadline for round 2, dd/mm/yyyy. */
  deadline: z
    .string()
    .regex(/^\d{2}\/\d{2}\/\d{4}$/)
    .optional(),
});
const ExportInput = z.strictObject({
  format: z.enum(['xlsx', 'csv', 'json']),
  table: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
});
const ChartPngInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  dataBase64: z.string().max(21_000_000),
});

export const survey = {
  current: defineMethod({ input: NoInput, output: SurveyCurrent }),
  preview: defineMethod({ input: SurveyImportInput, output: SurveyPreview }),
  commit: defineMethod({ input: SurveyImportInput, output: SurveyPreview, mutates: true }),
};
export const previous = {
  preview: defineMethod({ input: PreviousImportInput, output: PreviousPreview }),
  commit: defineMethod({ input: PreviousImportInput, output: PreviousPreview, mutates: true }),
};
export const documents = {
  minutes: defineMethod({ input: MinutesInput, output: ProducedFile }),
  sheets: defineMethod({ input: SheetsInput, output: ProducedFile }),
};
export const exportTables = {
  tables: defineMethod({ input: ExportInput, output: ProducedFile }),
  list: defineMethod({ input: NoInput, output: list(z.strictObject({ file: z.string(), title: z.string() })) }),
  chartPng: defineMethod({ input: ChartPngInput, output: ProducedFile }),
};
