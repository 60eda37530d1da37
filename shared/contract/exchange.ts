/**
 * `exchange.*` (a council member's side) and `secretariat.*` (the secretariat's side) of the
 * exchange of signed packages. Files travel by ticket (files.ts): an uploaded
 * package is named by its upload ticket, a produced one comes back as an outbox file.
 *
 * Member:      exchange.status → previewCycle / importCycle (the secretariat's fingerprint
 *              confirmed) → appraise → declareConflict / withdrawConflict → exportMine → files.save
 * Secretariat: secretariat.roster → inspectKey / registerKey, setFields → exportCycle →
 *              previewImport / commitImport → conflicts / resolveConflict → exemptions /
 *              decideExemption → completeness → finalise (reopen) → audit / exportAudit / verify
 */
import { ASSIGNMENT_PATTERN } from '../council/assignment.ts';
import { z } from 'zod';
import { NoInput, requiredText } from './common.ts';
import { defineMethod } from './define.ts';
import { OutboxFile, Ticket } from './files.ts';
import { ScoreInputSchema, UnitGroupSchema } from './scoring.ts';
import { RosterMember } from './workspace.ts';
import { AuditPage, AuditQueryInput, StoreCheckView } from './audit.ts';
import { CompletenessView, ConflictView, CycleRef, ExemptionView, FieldRef, SnapshotView } from './council.ts';

const Id = z.string().trim().min(1).max(80);
const NodeCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/)
  .max(40);
/** "3" (field 3 of every group) or "commune:3" (of one group). */
const AssignmentEntry = z.string().trim().max(51).regex(ASSIGNMENT_PATTERN);
/** A written reason (required where the core requires one; it refuses a blank one with EXCHANGE_REASON_REQUIRED). */
const Reason = z.string().max(1000);
const Fingerprint = z.strictObject({ fingerprint: z.string(), display: z.string() });
const Coded = z.strictObject({ code: z.string(), message: z.string() });

const UnitRef = z.strictObject({ id: z.string(), name: z.string(), group: UnitGroupSchema });
// ------------------------------------------------------------------ member

export const ConflictOfInterest = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  reason: z.string(),
  declaredAt: z.string(),
  /** The package that brought it (at the secretariat); null when declared on this machine. */
  packageHash: z.string().nullable(),
});
export type ConflictOfInterest = z.infer<typeof ConflictOfInterest>;

export const MemberExchangeStatus = z.strictObject({
  /** null: no cycle yet (import the secretariat's cycle package). */
  cycle: CycleRef.nullable(),
  /** The roster member this installation acts as. */
  me: z.strictObject({ id: z.string(), name: z.string(), fields: z.array(FieldRef) }).nullable(),
  /** Is this machine's key the one on the roster for me? (missing: no key on the roster; other: a different key.) */
  rosterKey: z.enum(['ok', 'missing', 'other', 'no-member']),
  /** The cycle package last received: revision and the secretariat's fingerprint. */
  received: z
    .strictObject({ revision: z.number().int(), issuedAt: z.string(), recordedAt: z.string(), signer: Fingerprint })
    .nullable(),
  /** My appraisal items (scored, commented or exempted) that the next package will carry. */
  items: z.number().int(),
  exports: z.array(
    z.strictObject({
      sequence: z.number().int(),
      packageHash: z.string(),
      createdAt: z.string(),
      items: z.number().int(),
    }),
  ),
  conflictsOfInterest: z.array(ConflictOfInterest),
  units: z.array(UnitRef),
});
export type MemberExchangeStatus = z.infer<typeof MemberExchangeStatus>;

const ExportedMine = z.strictObject({
  file: OutboxFile,
  packageHash: z.string(),
  sequence: z.number().int(),
  items: z.number().int(),
  conflictsOfInterest: z.number().int(),
  skipped: z.array(
    z.strictObject({ unitId: z.string(), unitName: z.string(), nodeCode: z.string(), reason: z.string() }),
  ),
});
export const CyclePreview = z.strictObject({
  ticket: z.string(),
  file: z.string(),
  cycle: z.strictObject({ id: z.string(), name: z.string(), year: z.number().int(), province: z.string() }),
  revision: z.number().int(),
  issuedAt: z.string(),
  signer: Fingerprint,
  /** new: first package of this cycle; update: a newer revision; duplicate / superseded: nothing would change. */
  state: z.enum(['new', 'update', 'duplicate', 'superseded']),
  units: z.number().int(),
  members: z.number().int(),
  evidenceFiles: z.number().int(),
  bytes: z.number().int(),
  /** The roster member holding this machine's key in the package (who I will be), if any. */
  me: z.strictObject({ id: z.string(), name: z.string(), fields: z.array(z.string()) }).nullable(),
});
export type CyclePreview = z.infer<typeof CyclePreview>;

const CycleImported = z.strictObject({
  status: z.enum(['imported', 'duplicate', 'superseded']),
  code: z.string().nullable(),
  message: z.string(),
  cycle: z.strictObject({ id: z.string(), name: z.string() }),
  revision: z.number().int(),
  /** The roster member this installation is now linked to (by its key), if any. */
  linkedTo: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export const exchange = {
  status: defineMethod({ input: NoInput, output: MemberExchangeStatus }),
  /** Signs and writes my appraisal package (a full snapshot) into the outbox. */
  exportMine: defineMethod({ input: NoInput, output: ExportedMine, mutates: true }),
  /** Checks an uploaded cycle package (signature, every hash) and says what importing it would do. */
  previewCycle: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: CyclePreview }),
  /** Imports it; `fingerprint` is the secretariat's as confirmed by the user (32 displayed digits or 64). */
  importCycle: defineMethod({
    input: z.strictObject({ ticket: Ticket, fingerprint: z.string().trim().min(1).max(100) }),
    output: CycleImported,
    mutates: true,
  }),
  declareConflict: defineMethod({
    input: z.strictObject({ unitId: Id, reason: requiredText(1000) }),
    output: ConflictOfInterest,
    mutates: true,
  }),
  withdrawConflict: defineMethod({
    input: z.strictObject({ unitId: Id, reason: requiredText(1000) }),
    output: z.strictObject({ unitId: z.string() }),
    mutates: true,
  }),
};

// ------------------------------------------------------------------ secretariat

export const RosterRow = RosterMember.extend({
  publicKey: z.string().nullable(),
  fingerprint: z.string().nullable(),
  display: z.string().nullable(),
  lastPackage: z
    .strictObject({
      sequence: z.number().int(),
      packageHash: z.string(),
      importedAt: z.string(),
      items: z.number().int(),
    })
    .nullable(),
  conflictsOfInterest: z.array(z.strictObject({ unitId: z.string(), unitName: z.string() })),
});
export type RosterRow = z.infer<typeof RosterRow>;

export const RosterView = z.strictObject({
  cycle: CycleRef,
  fields: z.array(FieldRef),
  members: z.array(RosterRow),
  /** Cycle packages issued so far (revision, when). */
  issued: z.array(z.strictObject({ revision: z.number().int(), issuedAt: z.string(), packageHash: z.string() })),
});
export type RosterView = z.infer<typeof RosterView>;

export const InspectedKey = z.strictObject({
  ticket: z.string(),
  file: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  display: z.string(),
  /** A roster member already holding this key. */
  registeredTo: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export type InspectedKey = z.infer<typeof InspectedKey>;

const ExportedCycleView = z.strictObject({
  file: OutboxFile,
  packageHash: z.string(),
  revision: z.number().int(),
  units: z.number().int(),
  members: z.number().int(),
  evidenceFiles: z.number().int(),
  /** Members of the roster (with fields) whose key is not registered yet: their packages would be refused. */
  membersWithoutKey: z.array(z.string()),
});
const Side = z.strictObject({
  score: z.string().nullable(),
  input: z.unknown(),
  comment: z.string(),
  exemption: z.boolean(),
});
const ImportCounts = z.strictObject({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  conflicts: z.number().int(),
  newConflicts: z.number().int(),
  exemptionsProposed: z.number().int(),
  exemptionsWithdrawn: z.number().int(),
  declarationsAdded: z.number().int(),
  declarationsRemoved: z.number().int(),
  finalScoresChanged: z.number().int(),
});
export const PackagePreview = z.strictObject({
  packageHash: z.string(),
  state: z.enum(['new', 'duplicate', 'superseded']),
  member: z.strictObject({ id: z.string(), name: z.string(), fingerprint: z.string(), display: z.string() }),
  sequence: z.number().int(),
  lastSequence: z.number().int().nullable(),
  gap: z.boolean(),
  createdAt: z.string(),
  counts: ImportCounts,
  /** At most PREVIEW_ROWS rows; `changesTotal` says how many there are. */
  changes: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      nodeCode: z.string(),
      nodeTitle: z.string(),
      kind: z.enum(['added', 'changed', 'removed']),
      before: Side.nullable(),
      after: Side.nullable(),
    }),
  ),
  changesTotal: z.number().int(),
  conflicts: z.array(
    z.strictObject({
      unitId: z.string(),
      unitName: z.string(),
      nodeCode: z.string(),
      nodeTitle: z.string(),
      status: z.enum(['open', 'resolved']),
      isNew: z.boolean(),
      sides: z.array(
        z.strictObject({ memberId: z.string(), memberName: z.string(), score: z.string(), input: z.unknown() }),
      ),
    }),
  ),
  declarations: z.strictObject({
    added: z.array(z.strictObject({ unitId: z.string(), unitName: z.string(), reason: z.string() })),
    removed: z.array(z.strictObject({ unitId: z.string(), unitName: z.string(), reason: z.string() })),
  }),
});
export type PackagePreview = z.infer<typeof PackagePreview>;
export const PREVIEW_ROWS = 300;

export const FilePreview = z.union([
  z.strictObject({ ticket: z.string(), file: z.string(), ok: z.literal(true), preview: PackagePreview }),
  z.strictObject({ ticket: z.string(), file: z.string(), ok: z.literal(false), error: Coded }),
]);
export type FilePreview = z.infer<typeof FilePreview>;

export const ImportOutcomeView = z.strictObject({
  ticket: z.string(),
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'superseded', 'refused']),
  code: z.string().nullable(),
  message: z.string(),
  memberName: z.string().nullable(),
  sequence: z.number().int().nullable(),
  counts: ImportCounts.nullable(),
});
export type ImportOutcomeView = z.infer<typeof ImportOutcomeView>;

const ConflictChoice = z.union([z.strictObject({ memberId: Id }), z.strictObject({ input: ScoreInputSchema })]);

export const secretariat = {
  roster: defineMethod({ input: NoInput, output: RosterView }),
  /** Reads an uploaded public-key file and shows its fingerprint, to compare aloud before registering. */
  inspectKey: defineMethod({ input: z.strictObject({ ticket: Ticket }), output: InspectedKey }),
  registerKey: defineMethod({
    input: z.strictObject({ memberId: Id, ticket: Ticket, reason: Reason.optional() }),
    output: RosterRow,
    mutates: true,
  }),
  setFields: defineMethod({
    input: z.strictObject({ memberId: Id, fields: z.array(AssignmentEntry).max(400), reason: requiredText(1000) }),
    output: RosterRow,
    mutates: true,
  }),
  exportCycle: defineMethod({ input: NoInput, output: ExportedCycleView, mutates: true }),
  previewImport: defineMethod({
    input: z.strictObject({ tickets: z.array(Ticket).min(1).max(50) }),
    output: z.strictObject({ files: z.array(FilePreview) }),
  }),
  commitImport: defineMethod({
    input: z.strictObject({
      items: z
        .array(z.strictObject({ ticket: Ticket, expectedHash: z.string().regex(/^[0-9a-f]{64}$/) }))
        .min(1)
        .max(50),
    }),
    output: z.strictObject({ outcomes: z.array(ImportOutcomeView) }),
    mutates: true,
  }),
  conflicts: defineMethod({
    input: z.strictObject({ status: z.enum(['open', 'resolved', 'all']).optional() }),
    output: z.array(ConflictView),
  }),
  resolveConflict: defineMethod({
    input: z.strictObject({ unitId: Id, nodeCode: NodeCode, choice: ConflictChoice, reason: Reason }),
    output: ConflictView,
    mutates: true,
  }),
  exemptions: defineMethod({
    input: z.strictObject({ status: z.enum(['proposed', 'approved', 'rejected', 'all']).optional() }),
    output: z.array(ExemptionView),
  }),
  decideExemption: defineMethod({
    input: z.strictObject({
      unitId: Id,
      nodeCode: NodeCode,
      decision: z.enum(['approved', 'rejected']),
      reason: Reason.optional(),
      /** Required to approve a proposal that has no legal basis (a unit's, from its dossier workbook). */
      legalBasis: Reason.optional(),
    }),
    output: ExemptionView,
    mutates: true,
  }),
  completeness: defineMethod({ input: NoInput, output: CompletenessView }),
  finalise: defineMethod({
    input: z.strictObject({ reason: Reason.optional(), acceptMissingEvidence: z.boolean().optional() }),
    output: SnapshotView,
    mutates: true,
  }),
  reopen: defineMethod({ input: z.strictObject({ reason: Reason }), output: CycleRef, mutates: true }),
  conflictsOfInterest: defineMethod({ input: NoInput, output: z.array(ConflictOfInterest) }),
  audit: defineMethod({ input: AuditQueryInput, output: AuditPage }),
  exportAudit: defineMethod({
    input: z.strictObject({
      format: z.enum(['json', 'csv']),
      query: AuditQueryInput.omit({ limit: true, offset: true }).optional(),
    }),
    output: z.strictObject({ file: OutboxFile, rows: z.number().int(), chainOk: z.boolean() }),
  }),
  verify: defineMethod({ input: NoInput, output: StoreCheckView }),
};
export type ExportedCycleView = z.infer<typeof ExportedCycleView>;
export type ExportedMine = z.infer<typeof ExportedMine>;
