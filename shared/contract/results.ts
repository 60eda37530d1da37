/**
 * `results.*` (and, with the files mechanism, `documents.*`, `export.*`): the results screens;
 * `meeting.*` is in meeting.ts, `survey.*` and `previous.*` in imports.ts. Everybody may read the
 * results; imports, narrative edits, meeting details and printing are for the secretariat.
 *
 * The views are the core's report types (shared/report/*): each schema (report-tables.ts,
 * report-views.ts) is annotated with the type it checks, so the renderer receives exactly
 * `Report`, `UnitDrilldown`, …
 */
import { z } from 'zod';
import { NoInput } from './common.ts';
import { defineMethod } from './define.ts';
import { OutboxFile } from './files.ts';
import { ReportSchema } from './report-tables.ts';
import { ChartsSchema, NarrativeSchema, UnitDrilldownSchema, WhatIfSchema } from './report-views.ts';

const Id = z.string().trim().min(1).max(80);
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

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

export const documents = {
  minutes: defineMethod({ input: MinutesInput, output: ProducedFile }),
  sheets: defineMethod({ input: SheetsInput, output: ProducedFile }),
};
export const exportTables = {
  tables: defineMethod({ input: ExportInput, output: ProducedFile }),
  list: defineMethod({ input: NoInput, output: list(z.strictObject({ file: z.string(), title: z.string() })) }),
  chartPng: defineMethod({ input: ChartPngInput, output: ProducedFile }),
};
