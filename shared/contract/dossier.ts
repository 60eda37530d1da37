/** `dossier.*`, `appraisal.*`, `exemption.*`, `grid.*`: appraising a unit's dossier. */
import { z } from 'zod';
import { AgreeRequest, BulkResult, SetManyRequest } from './bulk.ts';
import { defineMethod } from './define.ts';
import { Dec, ScoreInputSchema, ScoringSchema, TotalsSchema, UnitGroupSchema } from './scoring.ts';

const Id = z.string().trim().min(1).max(80);
const NodeCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/)
  .max(40);

const EvidenceStatus = z.enum(['ok', 'missing', 'changed']);
export const EvidenceLink = z.strictObject({
  evidenceId: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  page: z.number().int().positive().nullable(),
  status: EvidenceStatus,
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

const SelfScore = z.strictObject({ input: z.unknown(), score: Dec.nullable() });

export const DossierNode = z.strictObject({
  code: z.string(),
  parent: z.string().nullable(),
  depth: z.number().int(),
  title: z.string(),
  maxPoints: Dec,
  leaf: z.boolean(),
  field: z.string(),
  scoring: ScoringSchema.nullable(),
  guide: z.string(),
  evidenceRequirement: z.string(),
  exemptable: z.boolean(),
  /** Not assigned to me, or the cycle is finalised, or a survey leaf (imported, not appraised). */
  readOnly: z.boolean(),
  /** Leaves: the unit's self-assessment. */
  round1: SelfScore.nullable(),
  round2: SelfScore.nullable(),
  declared: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  explanation: z.string(),
  unitEvidence: z.array(EvidenceLink),
  /** My appraisal of the leaf. */
  appraisal: z
    .strictObject({
      input: z.unknown(),
      score: Dec.nullable(),
      comment: z.string(),
      evidence: z.array(EvidenceLink),
      updatedAt: z.string(),
    })
    .nullable(),
  exemption: z
    .strictObject({
      reason: z.string(),
      legalBasis: z.string(),
      status: z.enum(['proposed', 'approved', 'rejected']),
      proposedBy: z.string().nullable(),
    })
    .nullable(),
  /** The score that counts now (appraised, final, survey or provisional self-score). */
  effective: Dec.nullable(),
});
export type DossierNode = z.infer<typeof DossierNode>;

export const DossierView = z.strictObject({
  unit: z.strictObject({ id: z.string(), name: z.string(), group: UnitGroupSchema }),
  cycleStatus: z.enum(['open', 'finalised']),
  precision: z.number().int(),
  nodes: z.array(DossierNode),
  totals: TotalsSchema,
  /** All evidence documents of the unit's dossier, for linking. */
  documents: z.array(EvidenceLink.omit({ page: true })),
});
export type DossierView = z.infer<typeof DossierView>;

export const AppraisalChange = z.strictObject({
  unitId: Id,
  nodeCode: NodeCode,
  /** null clears the score (comment and evidence may stay). */
  input: ScoreInputSchema.nullable(),
  comment: z.string().max(2000).optional(),
  evidence: z
    .array(
      z.strictObject({
        evidenceId: z.number().int().positive(),
        page: z.number().int().positive().max(100000).nullable(),
      }),
    )
    .max(50)
    .optional(),
});
export type AppraisalChange = z.infer<typeof AppraisalChange>;

export const SavedChange = z.strictObject({
  node: DossierNode,
  totals: TotalsSchema,
  /** The audit row's sequence number. */
  auditSeq: z.number().int(),
});
export type SavedChange = z.infer<typeof SavedChange>;

const ExemptionChange = z.strictObject({
  unitId: Id,
  nodeCode: NodeCode,
  reason: z.string().max(1000),
  legalBasis: z.string().max(500).optional(),
});

const GridRow = z.strictObject({
  code: z.string(),
  title: z.string(),
  maxPoints: Dec,
  scoring: ScoringSchema,
  readOnly: z.boolean(),
  /** The framework allows a lowered benchmark here (or on a criterion above it). */
  exemptable: z.boolean(),
  cells: z.array(
    z.strictObject({
      unitId: z.string(),
      self: Dec.nullable(),
      /** The unit's self-assessment input (round 2, else round 1): what "=" takes. */
      selfInput: z.unknown(),
      appraised: Dec.nullable(),
      input: z.unknown(),
      hasEvidence: z.boolean(),
      exempted: z.boolean(),
    }),
  ),
});

export const GridView = z.strictObject({
  group: UnitGroupSchema,
  field: z.strictObject({ code: z.string(), title: z.string() }),
  units: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  rows: z.array(GridRow),
});
export type GridView = z.infer<typeof GridView>;

export const dossier = {
  get: defineMethod({ input: z.strictObject({ unitId: Id }), output: DossierView }),
};
export const appraisal = {
  set: defineMethod({ input: AppraisalChange, output: SavedChange, mutates: true }),
  /** Takes the unit's self-score for every sub-criterion of a field (or the unit) I have not scored yet. */
  agree: defineMethod({ input: AgreeRequest, output: BulkResult, mutates: true }),
  /** Many cells at once (a pasted block, an undo): valid cells written in one transaction, the others listed. */
  setMany: defineMethod({ input: SetManyRequest, output: BulkResult, mutates: true }),
};
export const exemption = {
  set: defineMethod({ input: ExemptionChange, output: SavedChange, mutates: true }),
  remove: defineMethod({
    input: z.strictObject({ unitId: Id, nodeCode: NodeCode }),
    output: SavedChange,
    mutates: true,
  }),
};
export const grid = {
  field: defineMethod({ input: z.strictObject({ group: UnitGroupSchema, fieldCode: NodeCode }), output: GridView }),
};
