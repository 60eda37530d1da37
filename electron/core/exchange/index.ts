/**
 * Exchange between the secretariat and the council members (issue #4): identities, signed
 * packages, import, merge, conflicts, exemptions, conflicts of interest, completeness,
 * finalisation, audit. Plain functions over a database handle; inputs and outputs are
 * JSON-able data, errors are CodedFailure (EXCHANGE_* codes, Vietnamese messages).
 *
 * Member:      ensureIdentity → importCyclePackage → (appraise with services/*) →
 *              declareConflictOfInterest → exportAppraisalPackage
 * Secretariat: ensureIdentity → registerMemberKey (after comparing fingerprints aloud) →
 *              exportCyclePackage → previewImport / commitImport (or importFiles) →
 *              listConflicts / resolveConflict → listExemptions / decideExemption →
 *              completenessMatrix → finaliseCycle (reopenCycle) → queryAudit / exportAudit / verifyStore
 *
 * Package formats: shared/exchange/appraisal-package.ts and shared/exchange/cycle-package.ts.
 */
export {
  type SecretBox,
  type Signer,
  type IdentityInfo,
  passphraseBox,
  createIdentity,
  ensureIdentity,
  readIdentityInfo,
  unlockIdentity,
  publicKeyFile,
  parsePublicKey,
} from './keys.ts';
export { type RosterEntry, rosterWithKeys, registerMemberKey, memberForKey } from './roster.ts';
export {
  type ExportedCycle,
  type VerifiedCycle,
  type ImportedCycle,
  exportCyclePackage,
  verifyCyclePackage,
  importCyclePackage,
} from './cycle-package.ts';
export { type ExportedPackage, exportAppraisalPackage, buildAppraisalPayload } from './export-appraisal.ts';
export { type VerifiedPackage, readAppraisalPackage, parseAppraisalPackage } from './appraisal-file.ts';
export {
  type ImportPreview,
  type ImportOutcome,
  type ChangeView,
  type PlannedConflictView,
  previewImport,
  commitImport,
  importFiles,
  checkPackage,
} from './import.ts';
export {
  type ConflictView,
  type ConflictSide,
  type ConflictChoice,
  listConflicts,
  resolveConflict,
} from './conflicts.ts';
export { type ExemptionView, listExemptions, decideExemption } from './exemptions.ts';
export {
  type ConflictOfInterestView,
  declareConflictOfInterest,
  withdrawConflictOfInterest,
  listConflictsOfInterest,
  hasConflictOfInterest,
} from './coi.ts';
export {
  type CompletenessMatrix,
  type CompletenessRow,
  type CompletenessCell,
  completenessMatrix,
} from './completeness.ts';
export { type SnapshotInfo, finaliseCycle, reopenCycle, listSnapshots, readSnapshot } from './finalise.ts';
export { type AuditQuery, type StoreCheck, queryAudit, exportAudit, verifyStore } from './audit-log.ts';
export { ExchangeRefusal } from './refusal.ts';
