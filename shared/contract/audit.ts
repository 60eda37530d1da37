/**
 * The audit screens' shapes (secretariat.audit, secretariat.verify): a filtered page of the
 * hash-chained audit log and the store check (chain, signed heads, packages, snapshots, and
 * every difference found by recomputing the store from signed packages and the log).
 */
import { z } from 'zod';

export const AuditQueryInput = z.strictObject({
  entity: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(80).optional(),
  /** Exact action, or a prefix ending with a dot ("exemption."). */
  action: z.string().trim().max(60).optional(),
  text: z.string().trim().max(200).optional(),
  /** ISO date-times, inclusive. */
  from: z.string().trim().max(40).optional(),
  to: z.string().trim().max(40).optional(),
  limit: z.number().int().min(1).max(2000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type AuditQueryInput = z.infer<typeof AuditQueryInput>;

export const AuditRowView = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  reason: z.string().nullable(),
  packageHash: z.string().nullable(),
  hash: z.string(),
});
export type AuditRowView = z.infer<typeof AuditRowView>;

export const AuditPage = z.strictObject({
  rows: z.array(AuditRowView),
  total: z.number().int(),
  /** What the filters offer. */
  actors: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  entities: z.array(z.string()),
  actions: z.array(z.string()),
});
export const StoreCheckView = z.strictObject({
  ok: z.boolean(),
  chain: z.strictObject({
    ok: z.boolean(),
    rows: z.number().int().nullable(),
    head: z.string().nullable(),
    brokenAt: z.number().int().nullable(),
    reason: z.string().nullable(),
  }),
  packages: z.strictObject({
    checked: z.number().int(),
    bad: z.array(z.strictObject({ packageHash: z.string(), reason: z.string() })),
  }),
  snapshots: z.strictObject({
    checked: z.number().int(),
    bad: z.array(z.strictObject({ id: z.number().int(), reason: z.string() })),
  }),
  /** The chain's signed heads (the secretariat's key): how many, the last, rows after it. */
  heads: z.strictObject({
    signed: z.number().int(),
    lastSignedSeq: z.number().int().nullable(),
    lastSignedHash: z.string().nullable(),
    keyFingerprint: z.string().nullable(),
    unsignedTail: z.number().int(),
  }),
  /** Every break and difference found (the store recomputed from signed packages and the log), by unit and sub-criterion. */
  problems: z.array(
    z.strictObject({
      code: z.string(),
      message: z.string(),
      unitId: z.string().nullable(),
      nodeCode: z.string().nullable(),
      seq: z.number().int().nullable(),
    }),
  ),
  checkedAt: z.string(),
});
export type StoreCheckView = z.infer<typeof StoreCheckView>;
export type AuditPage = z.infer<typeof AuditPage>;
