/**
 * Importing appraisal packages at the secretariat.
 *
 *   size cap → schema → signature          (appraisal-file.ts, no store)
 *   → signer on the roster → cycle and framework hashes → every node inside the member's
 *     scope → order (newer than the last imported; the same package again is a no-op; an
 *     older one is superseded)              (checkPackage, import-check.ts)
 *   → preview (planMerge, pure)             (previewImport, import-preview.ts)
 *   → backup of the database file → commit in one transaction (commitImport / importFiles, here)
 *
 * Every refusal is an ExchangeRefusal (EXCHANGE_* code, Vietnamese message naming the file)
 * and writes nothing. Checks and planning run again inside the commit's transaction, so a
 * commit never applies a plan made on a state that has since changed.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { AppraisalPayload } from '../../../shared/exchange/appraisal-package.ts';
import { type ExchangeCode, isExchangeCode } from '../../../shared/exchange/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { packageMember } from '../db/repos/packages.ts';
import { type VerifiedPackage, readAppraisalPackage } from './appraisal-file.ts';
import { backupDatabase } from '../db/backup.ts';
import { applyPlan } from './merge-store.ts';
import { appraisalCapFor } from './package-cap.ts';
import { ExchangeRefusal } from './refusal.ts';
import { type ImportCounts, checkPackage, countsOf, planPackage } from './import-check.ts';

type ImportStatus = 'imported' | 'duplicate' | 'superseded' | 'refused';

export interface ImportOutcome {
  readonly file: string;
  readonly status: ImportStatus;
  /** EXCHANGE_* for a refusal or a notice (duplicate, superseded). */
  readonly code: ExchangeCode | null;
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
    const code = isExchangeCode(e.code) ? e.code : null;
    return {
      file,
      status: 'refused',
      code,
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

/** Commits one verified package: checks and plans again inside one transaction, then writes. */
export function commitVerified(db: Db, pkg: VerifiedPackage, options: ImportOptions): ImportOutcome {
  if (options.expectedHash !== undefined && options.expectedHash !== pkg.packageHash)
    throw new ExchangeRefusal(pkg.file, 'EXCHANGE_FILE_CHANGED');
  const at = options.at ?? new Date().toISOString();
  return tx(db, () => {
    const checked = checkPackage(db, pkg);
    if (checked.state !== 'new') return notice(pkg, checked.state);
    const plan = planPackage(checked, at);
    const p: AppraisalPayload = pkg.payload;
    const { auditRows } = applyPlan(checked.ctx, plan, {
      packageHash: pkg.packageHash,
      cycleId: p.cycleId,
      memberId: p.member.id,
      keyFingerprint: p.keyFingerprint,
      sequence: p.sequence,
      previousHash: p.previousPackageHash,
      createdAt: p.createdAt,
      importedAt: at,
      importedBy: options.actor,
      fileName: pkg.file,
      items: p.appraisals.length,
      payload: pkg.canonical,
      publicKey: pkg.signature.publicKey,
      signature: pkg.signature.value,
    });
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
  });
}

/** Would committing write anything? (Not for a known package; used to skip the backup.) */
function isKnown(db: Db, pkg: VerifiedPackage): boolean {
  return packageMember(db, pkg.packageHash) !== undefined;
}

/**
 * Imports files one by one, each wholly or not at all: read, verified and committed before
 * the next file is read, so only one package is in memory at a time. The database file is
 * backed up once before the first write. Never throws for a refused file: its outcome says why.
 */
export function importFiles(
  db: Db,
  dataDir: string,
  paths: readonly string[],
  options: ImportOptions,
): { outcomes: ImportOutcome[]; backup: string | null } {
  const cap = appraisalCapFor(db);
  let backup: string | null = null;
  const outcomes = paths.map((path) => {
    let v: VerifiedPackage;
    try {
      v = readAppraisalPackage(path, cap);
    } catch (e) {
      return refusedOutcome(path.split(/[\\/]/).pop() ?? path, e);
    }
    try {
      // Back up once, before the first package that will write (checked first, so a refused file costs no backup).
      if (backup === null && options.backup !== false && !isKnown(db, v) && checkPackage(db, v).state === 'new')
        backup = backupDatabase(db, dataDir, 'import');
      return commitVerified(db, v, options);
    } catch (e) {
      return refusedOutcome(v.file, e);
    }
  });
  return { outcomes, backup };
}

/** Commits one file after a preview (UI flow): `expectedHash` is the preview's packageHash. */
export function commitImport(db: Db, dataDir: string, path: string, options: ImportOptions): ImportOutcome {
  const pkg = readAppraisalPackage(path, appraisalCapFor(db));
  if (options.expectedHash !== undefined && options.expectedHash !== pkg.packageHash)
    throw new ExchangeRefusal(pkg.file, 'EXCHANGE_FILE_CHANGED');
  if (options.backup !== false && !isKnown(db, pkg) && checkPackage(db, pkg).state === 'new')
    backupDatabase(db, dataDir, 'import');
  return commitVerified(db, pkg, options);
}
