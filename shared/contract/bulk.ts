/**
 * Bulk appraisal: "agree with the self-score for the rest of this field/unit"
 * and a block of cells pasted into the scoring grid. Each is one transaction with one audit
 * row per sub-criterion; refused cells are listed and nothing is written for them.
 */
import { z } from 'zod';
import { Dec, ScoreInputSchema } from './scoring.ts';

const Id = z.string().trim().min(1).max(80);
const NodeCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/)
  .max(40);

export const AgreeRequest = z.strictObject({
  unitId: Id,
  /** A field's code, or null for every field of the unit assigned to me. */
  fieldCode: NodeCode.nullable(),
  /** True: only count what would be taken (for the confirmation); nothing is written. */
  dryRun: z.boolean().default(false),
});
export type AgreeRequest = z.infer<typeof AgreeRequest>;

const BulkCell = z.strictObject({
  unitId: Id,
  nodeCode: NodeCode,
  /** null clears the score (comment and evidence stay). */
  input: ScoreInputSchema.nullable(),
});
export const SetManyRequest = z.strictObject({
  cells: z.array(BulkCell).min(1).max(20000),
  /** Why: a paste from a spreadsheet, or the undo of a bulk action (recorded in the audit log). */
  reason: z.enum(['paste', 'undo']),
});
export type SetManyRequest = z.infer<typeof SetManyRequest>;

const BulkSaved = z.strictObject({
  unitId: z.string(),
  nodeCode: z.string(),
  /** My input before (for the undo), and now. */
  before: z.unknown(),
  input: z.unknown(),
  score: Dec.nullable(),
});

const BulkRefused = z.strictObject({
  unitId: z.string(),
  nodeCode: z.string(),
  code: z.string(),
  message: z.string(),
});

export const BulkResult = z.strictObject({
  /** Written (or, for a dry run, that would be). */
  saved: z.array(BulkSaved),
  refused: z.array(BulkRefused),
  /** False for a dry run. */
  committed: z.boolean(),
});
export type BulkResult = z.infer<typeof BulkResult>;
