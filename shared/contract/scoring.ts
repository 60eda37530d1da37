/** Schemas of the domain values that cross the contract: scoring kinds, inputs, totals. */
import { z } from 'zod';
import { GROUP_CODE_PATTERN } from '../framework/groups.ts';

/** Exact decimal text, as produced by the core ("94", "51.34", "0.666667"). */
export const Dec = z.string().regex(/^-?\d+(\.\d+)?$/);
export const UnitGroupSchema = z.string().regex(GROUP_CODE_PATTERN);
/** A cycle's unit group as the screens show it. */
export const UnitGroupInfoSchema = z.strictObject({
  code: UnitGroupSchema,
  label: z.string(),
  shortLabel: z.string(),
  sortOrder: z.number().int(),
  fields: z.array(z.string()),
});
const NumberLike = z.union([z.number().finite(), z.string().trim().max(40)]);

export const ScoreInputSchema = z.union([
  z.strictObject({ met: z.boolean() }),
  z.strictObject({ tier: z.string().max(40) }),
  z.strictObject({ a: NumberLike, b: NumberLike }),
  z.strictObject({ percent: NumberLike }),
  z.strictObject({ count: NumberLike }),
  z.strictObject({ violations: NumberLike }),
  z.strictObject({ points: NumberLike }),
  z.strictObject({ previousIndex: NumberLike, earlierIndex: NumberLike }),
]);

export const ScoringSchema = z.union([
  z.strictObject({ kind: z.literal('tick') }),
  z.strictObject({
    kind: z.literal('timeliness'),
    tiers: z.array(z.strictObject({ key: z.string(), label: z.string(), points: Dec })).readonly(),
  }),
  z.strictObject({
    kind: z.literal('percentage'),
    thresholds: z.array(z.strictObject({ min: Dec, inclusive: z.boolean(), points: Dec })).readonly(),
    otherwise: Dec,
  }),
  z.strictObject({ kind: z.literal('proportional') }),
  z.strictObject({
    kind: z.literal('count'),
    tiers: z.array(z.strictObject({ min: z.number().int(), points: Dec })).readonly(),
    otherwise: Dec,
  }),
  z.strictObject({ kind: z.literal('deduction'), perViolation: Dec, floor: Dec }),
  z.strictObject({ kind: z.literal('survey'), source: z.enum(['cbccvc', 'sipas']) }),
  z.strictObject({
    kind: z.literal('previous_year_delta'),
    tiers: z.array(z.strictObject({ minDelta: Dec, inclusive: z.boolean(), points: Dec })).readonly(),
    otherwise: Dec,
  }),
]);

const FieldTotalsSchema = z.strictObject({
  code: z.string(),
  title: z.string(),
  benchmark: Dec,
  points: Dec,
  /** Field percentage, published (2 decimals by default). */
  percent: Dec,
});

export const TotalsSchema = z.strictObject({
  benchmark: Dec,
  selfAssessed: Dec,
  survey: Dec,
  total: Dec,
  /** Published index (decimal half-up to the cycle's precision). */
  index: Dec,
  classification: z.number().int().min(1).max(5),
  fields: z.array(FieldTotalsSchema),
  appraised: z.number().int(),
  provisional: z.number().int(),
  /** False while survey points are missing: index and group are not yet computable. */
  computable: z.boolean(),
});
export type TotalsView = z.infer<typeof TotalsSchema>;
