/**
 * Importing appraisal packages at the secretariat.
 *
 *   size cap → schema → signature          (appraisal-file.ts, no store)
 *   → signer on the roster → cycle and framework hashes → every node inside the member's
 *     scope → order (newer than the last imported; the same package again is a no-op; an
 *     older one is superseded)              (checkPackage, import-check.ts)
 *   → preview (planMerge, pure)             (previewImport, import-preview.ts)
 *   → backup of the database file → commit (commitImport, here; several files sharing a
 *     transaction: importBatch, import-batch.ts)
 *
 * Every refusal is an ExchangeRefusal (EXCHANGE_* code, Vietnamese message naming the file)
 * and writes nothing. Checks and planning run again inside the commit's transaction, so a
 * commit never applies a plan made on a state that has since changed.
 */
import { CodedFailure, type ErrorCode } from '../../../shared/errors/codes.ts';
import type { AppraisalPayload } from '../../../shared/exchange/appraisal-package.ts';
import type { ExchangeCode } from '../../../shared/exchange/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { packageMember } from '../db/repos/packages.ts';
import { type VerifiedPackage, readAppraisalPackage } from './appraisal-file.ts';
import { backupDatabase } from '../db/backup.ts';
import { MergeRows } from './merge-rows.ts';
import { applyPlan } from './merge-store.ts';
import { appraisalCapFor } from './package-cap.ts';
import { ExchangeRefusal } from './refusal.ts';
import { type CheckedPackage, type ImportCounts, checkPackage, countsOf, planPackage } from './import-check.ts';
import type { MergePlan } from '../../../shared/exchange/merge.ts';

type ImportStatus = 'imported' | 'duplicate' | 'superseded' | 'refused';

export interface ImportOutcome {
  readonly file: string;
  readonly status: ImportStatus;
  /** The refusal's code (EXCHANGE_* but for a failure of the store itself), or the notice's (duplicate, superseded). */
  readonly code: ErrorCode | null;
  /** Vietnamese, naming the file. */
  readonly message: string;
  readonly packageHash: string | null;
  readonly memberId: string | null;
  readonly sequence: number | null;
  readonly counts: ImportCounts | null;
  readonly auditRows: number;
}

export interface ImportOptions {
  /** Who imports (audit actor). */
  readonly actor: string;
  /** Back up the database file before the first write (default true). */
  readonly backup?: boolean;
  /** Refuse unless the file is still the package that was previewed. */
  readonly expectedHash?: string;
  /** Import time (ISO); default now. */
  readonly at?: string;
}

function notice(pkg: VerifiedPackage, state: 'duplicate' | 'superseded'): ImportOutcome {
  const code: ExchangeCode = state === 'duplicate' ? 'EXCHANGE_DUPLICATE' : 'EXCHANGE_SUPERSEDED';
  return {
    file: pkg.file,
    status: state,
    code,
    message: new ExchangeRefusal(pkg.file, code).message,
    packageHash: pkg.packageHash,
    memberId: pkg.payload.member.id,
    sequence: pkg.payload.sequence,
    counts: null,
    auditRows: 0,
  };
}

export function refusedOutcome(file: string, e: unknown): ImportOutcome {
  if (e instanceof CodedFailure) {
    return {
      file,
      status: 'refused',
      code: e.code,
      message: e.message,
      packageHash: null,
      memberId: null,
      sequence: null,
      counts: null,
      auditRows: 0,
    };
  }
  throw e;
}

/** A package checked and planned against the store, ready to write (or a notice: nothing to write). */
export type Staged =
  | { readonly kind: 'notice'; readonly outcome: ImportOutcome }
  | {
      readonly kind: 'plan';
      readonly checked: CheckedPackage;
      readonly plan: MergePlan;
      readonly at: string;
      readonly rows: MergeRows;
    };

/**
 * Checks and plans (reads only; throws ExchangeRefusal). Call inside the transaction that
 * writes. The packages of a batch share `rows` (merge-rows.ts); one package reads afresh.
 */
export function stagePackage(
  db: Db,
  pkg: VerifiedPackage,
  options: ImportOptions,
  rows: MergeRows = new MergeRows(db),
): Staged {
  if (options.expectedHash !== undefined && options.expectedHash !== pkg.packageHash)
    throw new ExchangeRefusal(pkg.file, 'EXCHANGE_FILE_CHANGED');
  const at = options.at ?? new Date().toISOString();
  const checked = checkPackage(db, pkg);
  if (checked.state !== 'new') return { kind: 'notice', outcome: notice(pkg, checked.state) };
  return { kind: 'plan', checked, plan: planPackage(checked, at, rows), at, rows };
}

/** Writes a staged plan with its audit rows. Call inside the transaction that staged it. */
export function writeStaged(staged: Staged, actor: string): ImportOutcome {
  if (staged.kind === 'notice') return staged.outcome;
  const { checked, plan, at, rows } = staged;
  const pkg = checked.pkg;
  const p: AppraisalPayload = pkg.payload;
  const { auditRows } = applyPlan(
    checked.ctx,
    plan,
    {
      packageHash: pkg.packageHash,
      cycleId: p.cycleId,
      memberId: p.member.id,
      keyFingerprint: p.keyFingerprint,
      sequence: p.sequence,
      previousHash: p.previousPackageHash,
      createdAt: p.createdAt,
      importedAt: at,
      importedBy: actor,
      fileName: pkg.file,
      items: p.appraisals.length,
      payload: pkg.canonical,
      publicKey: pkg.signature.publicKey,
      signature: pkg.signature.value,
    },
    rows,
  );
  const counts = countsOf(plan);
  return {
    file: pkg.file,
    status: 'imported' as const,
    code: null,
    message: `Đã nhập tệp “${pkg.file}” của ${checked.member.name} (gói số ${p.sequence}): ${counts.added} mới, ${counts.changed} thay đổi, ${counts.removed} rút lại, ${counts.conflicts} ý kiến khác nhau.`,
    packageHash: pkg.packageHash,
    memberId: p.member.id,
    sequence: p.sequence,
    counts,
    auditRows,
  };
}

/** Commits one verified package: checks and plans again inside one transaction, then writes. */
function commitVerified(db: Db, pkg: VerifiedPackage, options: ImportOptions): ImportOutcome {
  return tx(db, () => writeStaged(stagePackage(db, pkg, options), options.actor));
}

/**
 * Commits one verified package in its own transaction, backed up first when `options.backup`
 * is not false and it will write (checked first, so a refused or known file costs no backup).
 */
export function commitWithBackup(
  db: Db,
  dataDir: string,
  pkg: VerifiedPackage,
  options: ImportOptions,
): { outcome: ImportOutcome; backup: string | null } {
  if (options.expectedHash !== undefined && options.expectedHash !== pkg.packageHash)
    throw new ExchangeRefusal(pkg.file, 'EXCHANGE_FILE_CHANGED');
  const writes =
    options.backup !== false &&
    packageMember(db, pkg.packageHash) === undefined &&
    checkPackage(db, pkg).state === 'new';
  const backup = writes ? backupDatabase(db, dataDir, 'import') : null;
  return { outcome: commitVerified(db, pkg, options), backup };
}

/** Commits one file after a preview: `expectedHash` is the preview's packageHash. Throws a refusal. */
export function commitImport(db: Db, dataDir: string, path: string, options: ImportOptions): ImportOutcome {
  return commitWithBackup(db, dataDir, readAppraisalPackage(path, appraisalCapFor(db)), options).outcome;
}
