/**
 * Importing appraisal packages at the secretariat.
 *
 *   size cap → schema → signature          (appraisal-file.ts, no store)
 *   → signer on the roster → cycle and framework hashes → every node inside the member's
 *     scope → order (newer than the last imported; the same package again is a no-op; an
 *     older one is superseded)              (checkPackage)
 *   → preview (planMerge, pure)             (previewImport)
 *   → backup of the database file → commit in one transaction (commitImport / importFiles)
 *
 * Every refusal is an ExchangeRefusal (EXCHANGE_* code, Vietnamese message naming the file)
 * and writes nothing. Checks and planning run again inside the commit's transaction, so a
 * commit never applies a plan made on a state that has since changed.
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import { deserialize, serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { AppraisalPayload, ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { stableStringify } from '../../../shared/framework/canonical.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { type ExchangeCode, isExchangeCode } from '../../../shared/exchange/codes.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { type MergePlan, planMerge } from '../../../shared/exchange/merge.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { type Db, tx } from '../db/connection.ts';
import { getCycle } from '../db/repos/cycles.ts';
import type { Member } from '../db/repos/members.ts';
import { lastPackageOf, packageMember } from '../db/repos/packages.ts';
import { membersHoldingKey } from '../db/repos/roster.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { type VerifiedPackage, readAppraisalPackage } from './appraisal-file.ts';
import { backupDatabase } from '../db/backup.ts';
import { type CycleContext, cycleContext, leafOf } from './cycle-context.ts';
import { applyPlan, readMergeLocal } from './merge-store.ts';
import { appraisalCapFor } from './package-cap.ts';
import { ExchangeRefusal } from './refusal.ts';

type PackageState = 'new' | 'duplicate' | 'superseded';

/**
 * Scores recomputed for the checks, memoised by framework, node and input: members of a
 * field often enter the same figures, and a framework hash never changes meaning.
 */
const scores = new Map<string, { ok: true; score: string } | { ok: false; message: string }>();
function scoreOf(frameworkHash: string, node: FrameworkNode, input: ScoreInputData) {
  const key = `${frameworkHash}\u001f${node.code}\u001f${stableStringify(input)}`;
  let r = scores.get(key);
  if (!r) {
    const v = scoreNode(node.scoring!, node.maxPoints, input);
    r = v.ok ? { ok: true, score: serialize(v.value) } : { ok: false, message: v.error.message };
    if (scores.size > 200_000) scores.clear();
    scores.set(key, r);
  }
  return r;
}

export interface CheckedPackage {
  readonly pkg: VerifiedPackage;
  readonly ctx: CycleContext;
  readonly member: Member;
  readonly state: PackageState;
  /** Packages of the member were skipped (never delivered): allowed, each package is a full snapshot. */
  readonly gap: boolean;
  readonly lastSequence: number | null;
}

const DECIMAL_SCORE = (s: string) => exactDecimalText(deserialize(s));

/** Every check that needs the store. Throws ExchangeRefusal; writes nothing. */
export function checkPackage(db: Db, pkg: VerifiedPackage): CheckedPackage {
  const p = pkg.payload;
  const file = pkg.file;

  // Signer on the roster.
  const holders = membersHoldingKey(db, p.keyFingerprint);
  if (holders.length === 0)
    throw new ExchangeRefusal(
      file,
      'EXCHANGE_SIGNER_NOT_ON_ROSTER',
      `dấu vân tay ${formatFingerprint(p.keyFingerprint)}`,
    );
  const holder = holders.find((h) => h.id === p.member.id);
  if (!holder) throw new ExchangeRefusal(file, 'EXCHANGE_SIGNER_MISMATCH', `gói ghi thành viên “${p.member.id}”`);

  // Cycle and frameworks.
  const cycleExists = getCycle(db, p.cycleId) !== undefined;
  if (!cycleExists || holder.cycleId !== p.cycleId)
    throw new ExchangeRefusal(file, 'EXCHANGE_WRONG_CYCLE', `kỳ “${p.cycleId}”`);
  const ctx = cycleContext(db, p.cycleId);
  if (ctx.cycle.status === 'finalised')
    throw new ExchangeRefusal(file, 'EXCHANGE_CYCLE_FINALISED', `kỳ “${ctx.cycle.name}”`);
  const local = [...ctx.groups].map(([g, f]) => `${g}=${f.hash}`).sort();
  const theirs = Object.entries(p.frameworks)
    .map(([g, hash]) => `${g}=${hash}`)
    .sort();
  if (local.join(';') !== theirs.join(';')) throw new ExchangeRefusal(file, 'EXCHANGE_FRAMEWORK_MISMATCH');

  // Scope.
  const member = ctx.members.get(p.member.id)!;
  const fields = new Set(member.fields);
  const extra = p.scope.fields.filter((f) => !fields.has(f));
  if (extra.length > 0)
    throw new ExchangeRefusal(file, 'EXCHANGE_SCOPE_MISMATCH', `lĩnh vực ${extra.join(', ')} không được phân công`);
  const scope = new Set(p.scope.fields);
  // Assigned on the roster and in the package's scope, in the unit's group.
  const inScope = (unitId: string, field: string) => {
    const group = ctx.units.get(unitId)?.group ?? '';
    return isAssigned(fields, group, field) && isAssigned(scope, group, field);
  };
  const conflicted = new Set<string>();
  for (const c of p.conflictsOfInterest) {
    if (!ctx.units.has(c.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_UNIT', `đơn vị “${c.unitId}”`);
    conflicted.add(c.unitId);
  }
  for (const a of p.appraisals) {
    const where = `tiêu chí ${a.nodeCode} của đơn vị “${a.unitId}”`;
    if (!ctx.units.has(a.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_UNIT', `đơn vị “${a.unitId}”`);
    const leaf = leafOf(ctx, a.unitId, a.nodeCode);
    if (!leaf) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_NODE', where);
    if (!inScope(a.unitId, leaf.field) || leaf.survey) {
      throw new ExchangeRefusal(
        file,
        'EXCHANGE_OUT_OF_SCOPE',
        `${where} thuộc lĩnh vực ${leaf.field}${leaf.survey ? ' (điểm điều tra xã hội học)' : ''}`,
      );
    }
    if (conflicted.has(a.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_COI_VIOLATION', where);
    if (a.input !== null) {
      const r = scoreOf(leaf.groupHash, leaf.node, a.input);
      if (!r.ok) throw new ExchangeRefusal(file, 'EXCHANGE_INVALID_INPUT', `${where}: ${r.message}`);
      if (r.score !== a.score)
        throw new ExchangeRefusal(
          file,
          'EXCHANGE_SCORE_MISMATCH',
          `${where}: gói ghi ${a.score}, tính lại được ${r.score}`,
        );
    }
    if (a.exemption !== null && !leaf.node.exemptable)
      throw new ExchangeRefusal(file, 'EXCHANGE_EXEMPTION_NOT_ALLOWED', where);
  }

  // Order.
  const known = packageMember(db, pkg.packageHash);
  const last = lastPackageOf(db, member.id);
  if (known !== undefined)
    return { pkg, ctx, member, state: 'duplicate', gap: false, lastSequence: last?.sequence ?? null };
  if (last) {
    if (p.sequence < last.sequence)
      return { pkg, ctx, member, state: 'superseded', gap: false, lastSequence: last.sequence };
    if (p.sequence === last.sequence)
      throw new ExchangeRefusal(file, 'EXCHANGE_SEQUENCE_REUSED', `số thứ tự ${p.sequence}`);
    if (p.sequence === last.sequence + 1 && p.previousPackageHash !== last.packageHash)
      throw new ExchangeRefusal(file, 'EXCHANGE_CHAIN_BROKEN');
  }
  const gap = last ? p.sequence > last.sequence + 1 : p.sequence > 1;
  return { pkg, ctx, member, state: 'new', gap, lastSequence: last?.sequence ?? null };
}

export function planPackage(checked: CheckedPackage, at: string): MergePlan {
  const { ctx, member, pkg } = checked;
  const local = readMergeLocal(ctx, member.id, pkg.payload);
  return planMerge(local, {
    memberId: member.id,
    packageHash: pkg.packageHash,
    at,
    items: pkg.payload.appraisals,
    conflictsOfInterest: pkg.payload.conflictsOfInterest,
  });
}

// ------------------------------------------------------------------ preview

interface ChangeView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly kind: 'added' | 'changed' | 'removed';
  /** Decimal text ("0.5"), null when no score. */
  readonly before: {
    readonly score: string | null;
    readonly input: unknown;
    readonly comment: string;
    readonly exemption: boolean;
  } | null;
  readonly after: {
    readonly score: string | null;
    readonly input: unknown;
    readonly comment: string;
    readonly exemption: boolean;
  } | null;
}

interface PlannedConflictView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly status: 'open' | 'resolved';
  readonly isNew: boolean;
  readonly sides: readonly {
    readonly memberId: string;
    readonly memberName: string;
    readonly score: string;
    readonly input: unknown;
  }[];
}

export interface ImportPreview {
  readonly file: string;
  readonly packageHash: string;
  readonly state: PackageState;
  readonly cycle: { readonly id: string; readonly name: string };
  readonly member: {
    readonly id: string;
    readonly name: string;
    readonly fingerprint: string;
    readonly display: string;
  };
  readonly sequence: number;
  readonly lastSequence: number | null;
  readonly gap: boolean;
  readonly createdAt: string;
  readonly counts: {
    readonly added: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly removed: number;
    readonly conflicts: number;
    readonly newConflicts: number;
    readonly exemptionsProposed: number;
    readonly exemptionsWithdrawn: number;
    readonly declarationsAdded: number;
    readonly declarationsRemoved: number;
    readonly finalScoresChanged: number;
  };
  readonly changes: readonly ChangeView[];
  readonly conflicts: readonly PlannedConflictView[];
  readonly declarations: {
    readonly added: readonly { unitId: string; unitName: string; reason: string }[];
    readonly removed: readonly { unitId: string; unitName: string; reason: string }[];
  };
}

function countsOf(plan: MergePlan | null): ImportPreview['counts'] {
  const open = plan?.conflicts.filter((c) => c.status === 'open') ?? [];
  return {
    added: plan?.added.length ?? 0,
    changed: plan?.changed.length ?? 0,
    unchanged: plan?.unchanged ?? 0,
    removed: plan?.removed.length ?? 0,
    conflicts: open.length,
    newConflicts: open.filter((c) => c.isNew).length,
    exemptionsProposed: plan?.exemptions.upsert.length ?? 0,
    exemptionsWithdrawn: plan?.exemptions.remove.length ?? 0,
    declarationsAdded: plan?.declarations.added.length ?? 0,
    declarationsRemoved: plan?.declarations.removed.length ?? 0,
    finalScoresChanged: (plan?.finals.upsert.length ?? 0) + (plan?.finals.remove.length ?? 0),
  };
}

function describe(checked: CheckedPackage, plan: MergePlan | null): ImportPreview {
  const { ctx, member, pkg } = checked;
  const unitName = (id: string) => ctx.units.get(id)?.name ?? id;
  const nodeTitle = (u: string, c: string) => leafOf(ctx, u, c)?.node.title ?? c;
  const side = (i: { score: string | null; input: unknown; comment: string; exemption: unknown }) => ({
    score: i.score === null ? null : DECIMAL_SCORE(i.score),
    input: i.input,
    comment: i.comment,
    exemption: i.exemption !== null,
  });
  const change = (
    kind: ChangeView['kind'],
    unitId: string,
    nodeCode: string,
    before: ChangeView['before'],
    after: ChangeView['after'],
  ): ChangeView => ({
    unitId,
    unitName: unitName(unitId),
    nodeCode,
    nodeTitle: nodeTitle(unitId, nodeCode),
    kind,
    before,
    after,
  });
  const changes: ChangeView[] = plan
    ? [
        ...plan.added.map((a) => change('added', a.unitId, a.nodeCode, null, side(a))),
        ...plan.changed.map((c) => change('changed', c.after.unitId, c.after.nodeCode, side(c.before), side(c.after))),
        ...plan.removed.map((r) => change('removed', r.unitId, r.nodeCode, side(r), null)),
      ]
    : [];
  const conflicts: PlannedConflictView[] = (plan?.conflicts ?? []).map((c) => ({
    unitId: c.unitId,
    unitName: unitName(c.unitId),
    nodeCode: c.nodeCode,
    nodeTitle: nodeTitle(c.unitId, c.nodeCode),
    status: c.status,
    isNew: c.isNew,
    sides: c.candidates.map((x) => ({
      memberId: x.memberId,
      memberName: ctx.members.get(x.memberId)?.name ?? x.memberId,
      score: DECIMAL_SCORE(x.score),
      input: x.input,
    })),
  }));
  const decl = (c: { unitId: string; reason: string }) => ({
    unitId: c.unitId,
    unitName: unitName(c.unitId),
    reason: c.reason,
  });
  return {
    file: pkg.file,
    packageHash: pkg.packageHash,
    state: checked.state,
    cycle: { id: ctx.cycle.id, name: ctx.cycle.name },
    member: {
      id: member.id,
      name: member.name,
      fingerprint: pkg.payload.keyFingerprint,
      display: formatFingerprint(pkg.payload.keyFingerprint),
    },
    sequence: pkg.payload.sequence,
    lastSequence: checked.lastSequence,
    gap: checked.gap,
    createdAt: pkg.payload.createdAt,
    counts: countsOf(plan),
    changes,
    conflicts,
    declarations: {
      added: (plan?.declarations.added ?? []).map(decl),
      removed: (plan?.declarations.removed ?? []).map(decl),
    },
  };
}

/** Reads, verifies and plans one file; shows what a commit would change. Writes nothing. */
export function previewImport(db: Db, path: string, at: string = new Date().toISOString()): ImportPreview {
  const checked = checkPackage(db, readAppraisalPackage(path, appraisalCapFor(db)));
  return describe(checked, checked.state === 'new' ? planPackage(checked, at) : null);
}

// ------------------------------------------------------------------ commit

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
  readonly counts: ImportPreview['counts'] | null;
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
