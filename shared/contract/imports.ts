/**
 * Imports by upload ticket for the results: the survey points (or raw responses) and the previous years' published
 * indices.
 */
import { z } from 'zod';
import type { UnitGroup } from '../framework/types.ts';
import { NoInput } from './common.ts';
import { defineMethod } from './define.ts';
import { Ticket } from './files.ts';
import { Dec, UnitGroupSchema } from './scoring.ts';

const Group: z.ZodType<UnitGroup> = UnitGroupSchema;
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

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

export const survey = {
  current: defineMethod({ input: NoInput, output: SurveyCurrent }),
  preview: defineMethod({ input: SurveyImportInput, output: SurveyPreview }),
  commit: defineMethod({ input: SurveyImportInput, output: SurveyPreview, mutates: true }),
};
export const previous = {
  preview: defineMethod({ input: PreviousImportInput, output: PreviousPreview }),
  commit: defineMethod({ input: PreviousImportInput, output: PreviousPreview, mutates: true }),
};
