/**
 * The council screens' shapes (secretariat.conflicts, exemptions, completeness, snapshots):
 * a sub-criterion the members disagree on with every side and its evidence, a lowered
 * benchmark to decide, the completeness matrix (units × fields) that gates finalisation.
 */
import { z } from 'zod';
import { ScoringSchema, UnitGroupSchema } from './scoring.ts';
import { CycleSummary } from './workspace.ts';

export const CycleRef = CycleSummary.pick({ id: true, name: true, year: true, status: true });
export type CycleRef = z.infer<typeof CycleRef>;
export const FieldRef = z.strictObject({ code: z.string(), title: z.string() });

const EvidenceRef = z.strictObject({
  /** For evidence.open; null when the document is not in this cycle's store. */
  evidenceId: z.number().int().nullable(),
  title: z.string(),
  fileName: z.string(),
  page: z.number().int().nullable(),
  status: z.enum(['ok', 'missing', 'changed']),
});

export const ConflictView = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  field: z.string(),
  maxPoints: z.string(),
  scoring: ScoringSchema.nullable(),
  status: z.enum(['open', 'resolved']),
  selfScore: z.string().nullable(),
  sides: z.array(
    z.strictObject({
      memberId: z.string(),
      memberName: z.string(),
      score: z.string(),
      input: z.unknown(),
      comment: z.string(),
      evidence: z.array(EvidenceRef),
      packageHash: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
  resolution: z
    .strictObject({
      score: z.string(),
      input: z.unknown(),
      sourceMember: z.string().nullable(),
      sourceMemberName: z.string().nullable(),
      decidedBy: z.string(),
      reason: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type ConflictView = z.infer<typeof ConflictView>;

export const ExemptionView = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  maxPoints: z.string(),
  reason: z.string(),
  legalBasis: z.string(),
  proposedBy: z.string().nullable(),
  proposedByName: z.string().nullable(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ExemptionView = z.infer<typeof ExemptionView>;

export const CompletenessCell = z.strictObject({
  field: z.string(),
  total: z.number().int(),
  appraised: z.number().int(),
  missingEvidence: z.number().int(),
  exemptionsWithoutReason: z.number().int(),
  exemptionsPending: z.number().int(),
  openConflicts: z.number().int(),
  complete: z.boolean(),
});
export type CompletenessCell = z.infer<typeof CompletenessCell>;

export const SnapshotView = z.strictObject({
  id: z.number().int(),
  createdAt: z.string(),
  actor: z.string(),
  actorName: z.string(),
  reason: z.string().nullable(),
  hash: z.string(),
});
export type SnapshotView = z.infer<typeof SnapshotView>;

export const CompletenessView = z.strictObject({
  cycle: CycleRef,
  fields: z.array(FieldRef),
  rows: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      group: UnitGroupSchema,
      cells: z.array(CompletenessCell.nullable()),
    }),
  ),
  totals: z.strictObject({
    total: z.number().int(),
    appraised: z.number().int(),
    missingEvidence: z.number().int(),
    exemptionsWithoutReason: z.number().int(),
    exemptionsPending: z.number().int(),
    openConflicts: z.number().int(),
  }),
  blockers: z.array(z.string()),
  ready: z.boolean(),
  readyIgnoringEvidence: z.boolean(),
  snapshots: z.array(SnapshotView),
});
export type CompletenessView = z.infer<typeof CompletenessView>;
