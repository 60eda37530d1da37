/**
 * `intake.*`: the secretariat takes in a unit's self-assessment workbook (round 1 or 2)
 * with its evidence files (a folder sent as a .zip). Both files arrive by upload ticket
 * (files.upload / files.uploadPart). A long intake runs as a job: `start` returns its id,
 * `status` reports progress (counts, bytes) and finally the preview or the committed
 * result, `cancel` stops it with nothing written.
 */
import { z } from 'zod';
import { defineMethod } from './define.ts';
import { Ticket } from './files.ts';

const CitationStatus = z.enum(['found', 'stored', 'missing']);

export const IntakeItem = z.strictObject({
  code: z.string(),
  title: z.string(),
  row: z.number().int(),
  maxPoints: z.string(),
  kind: z.string(),
  /** What the unit entered, in words ("Đạt", "a = 12; b = 15"); '' when nothing. */
  inputText: z.string(),
  /** Recomputed from the declared inputs (plain decimal text); null when nothing entered (a lowered benchmark proposed). */
  score: z.string().nullable(),
  /** The score the unit wrote itself. */
  claimed: z.string().nullable(),
  differs: z.boolean(),
  explanation: z.string(),
  citations: z.array(
    z.strictObject({ fileName: z.string(), page: z.number().int().nullable(), status: CitationStatus }),
  ),
  lowered: z.string().nullable(),
});
export type IntakeItem = z.infer<typeof IntakeItem>;

export const IntakeChange = z.strictObject({
  code: z.string(),
  title: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  beforeInput: z.string(),
  afterInput: z.string(),
  explanationChanged: z.boolean(),
  evidenceChanged: z.boolean(),
});
export type IntakeChange = z.infer<typeof IntakeChange>;

export const IntakePreview = z.strictObject({
  cycleId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  group: z.string(),
  round: z.union([z.literal(1), z.literal(2)]),
  workbook: z.strictObject({ name: z.string(), sha256: z.string(), size: z.number().int() }),
  evidenceSource: z.strictObject({
    kind: z.enum(['folder', 'zip', 'none']),
    name: z.string(),
    files: z.number().int(),
    bytes: z.number(),
  }),
  items: z.array(IntakeItem),
  totals: z.strictObject({
    maxPoints: z.string(),
    score: z.string(),
    claimed: z.string().nullable(),
    differs: z.boolean(),
    items: z.number().int(),
  }),
  files: z.strictObject({
    found: z.array(
      z.strictObject({
        path: z.string(),
        size: z.number(),
        sha256: z.string().nullable(),
        duplicateOf: z.string().nullable(),
      }),
    ),
    missing: z.array(
      z.strictObject({ fileName: z.string(), codes: z.array(z.string()), rows: z.array(z.number().int()) }),
    ),
    notCited: z.array(z.strictObject({ path: z.string(), size: z.number() })),
    stored: z.array(z.string()),
  }),
  exemptions: z.array(z.strictObject({ code: z.string(), reason: z.string() })),
  /** Round 2: every item whose score, input, explanation or evidence differs from round 1. */
  changes: z.array(IntakeChange).nullable(),
  canCommit: z.boolean(),
});
export type IntakePreview = z.infer<typeof IntakePreview>;

export const IntakeCommitted = z.strictObject({
  preview: IntakePreview,
  importId: z.number().int(),
  newFiles: z.number().int(),
  auditRows: z.number().int(),
});
export type IntakeCommitted = z.infer<typeof IntakeCommitted>;

const IntakeStartInput = z.strictObject({
  unitId: z.string().min(1),
  round: z.union([z.literal(1), z.literal(2)]),
  workbook: Ticket,
  /** A .zip of the evidence files (optional: a round 2 may cite files already stored). */
  evidence: Ticket.nullable(),
  commit: z.boolean(),
});

const IntakeProgressOut = z.strictObject({
  phase: z.enum(['workbook', 'scan', 'hash', 'store', 'write']),
  done: z.number().int(),
  total: z.number().int(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  current: z.string().nullable(),
});

export const IntakeJobStatus = z.strictObject({
  job: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: IntakeProgressOut.nullable(),
  preview: IntakePreview.nullable(),
  committed: IntakeCommitted.nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});
export type IntakeJobStatus = z.infer<typeof IntakeJobStatus>;

const IntakeUnits = z.strictObject({
  cycleId: z.string(),
  units: z.array(
    z.strictObject({ id: z.string(), name: z.string(), group: z.string(), rounds: z.array(z.number().int()) }),
  ),
  /** The cycle's groups with a label (today the name of the group's framework). */
  groups: z.array(z.strictObject({ code: z.string(), label: z.string() })),
});

/** A collected workbook (one column of self-scores per unit) as read: per unit its column, items, blanks and total. */
const CollectedPreview = z.strictObject({
  file: z.string(),
  sha256: z.string(),
  sheet: z.string(),
  round: z.union([z.literal(1), z.literal(2)]),
  units: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      group: z.string(),
      column: z.string(),
      items: z.number().int(),
      blanks: z.number().int(),
      total: z.string(),
    }),
  ),
  ignoredColumns: z.array(z.string()),
  skippedRows: z.number().int(),
});
export type CollectedPreview = z.infer<typeof CollectedPreview>;

export const intake = {
  /** The cycle's units, with the rounds already taken in. Secretariat only. */
  units: defineMethod({ input: z.strictObject({}), output: IntakeUnits }),
  /** The template workbook of a group, into the outbox (then files.save). */
  template: defineMethod({
    input: z.strictObject({ group: z.string().min(1) }),
    output: z.strictObject({ ticket: z.string(), fileName: z.string(), size: z.number().int() }),
  }),
  start: defineMethod({ input: IntakeStartInput, output: z.strictObject({ job: z.string() }), mutates: true }),
  status: defineMethod({ input: z.strictObject({ job: z.string() }), output: IntakeJobStatus }),
  cancel: defineMethod({ input: z.strictObject({ job: z.string() }), output: IntakeJobStatus }),
  /** The collected workbook (uploaded by ticket): previewed, or written in one transaction for every unit. */
  collected: defineMethod({
    input: z.strictObject({ round: z.union([z.literal(1), z.literal(2)]), workbook: Ticket, commit: z.boolean() }),
    output: z.strictObject({ preview: CollectedPreview, committed: z.boolean() }),
    mutates: true,
  }),
};
