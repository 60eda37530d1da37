/**
 * A member's appraisal package: the full snapshot of his appraisal of the cycle (every
 * appraisal, exemption proposal and conflict-of-interest declaration of his), numbered and
 * chained to his previous package, signed with the installation's key.
 *
 *   buildAppraisalPayload(db, cycleId, memberId, header) → { payload, skipped }
 *   exportAppraisalPackage(db, cycleId, memberId, signer, { outPath | outDir }) → ExportedPackage
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import {
  APPRAISAL_FORMAT,
  APPRAISAL_VERSION,
  type AppraisalItem,
  type AppraisalPayload,
  AppraisalPayload as PayloadSchema,
  type EvidenceRefData,
  type ScoreInputData,
  appraisalFileName,
  describeIssues,
} from '../../../shared/exchange/appraisal-package.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { itemKey } from '../../../shared/exchange/merge.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { memberCycleDeclarations } from '../db/repos/conflicts-of-interest.ts';
import { memberAppraisalsOfCycle, memberCitationsOfCycle, memberProposalsOfCycle } from '../db/repos/member-package.ts';
import { insertSent, lastSent } from '../db/repos/packages.ts';
import { memberFingerprint } from '../db/repos/roster.ts';
import { encodeAppraisalPackage } from './appraisal-file.ts';
import { cycleContext, frameworkHashes, leafOf, requireMemberIn } from './cycle-context.ts';
import type { Signer } from './keys.ts';

interface SkippedItem {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
}

interface PayloadHeader {
  readonly keyFingerprint: string;
  readonly sequence: number;
  readonly previousPackageHash: string | null;
  readonly createdAt: string;
}

const byKey = (a: { unitId: string; nodeCode: string }, b: { unitId: string; nodeCode: string }) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.nodeCode < b.nodeCode ? -1 : a.nodeCode > b.nodeCode ? 1 : 0;

/** The member's items as his store holds them; items outside his scope are skipped and listed. */
function buildAppraisalPayload(
  db: Db,
  cycleId: string,
  memberId: string,
  header: PayloadHeader,
): { payload: AppraisalPayload; skipped: SkippedItem[] } {
  const ctx = cycleContext(db, cycleId);
  const member = requireMemberIn(ctx, memberId);
  const fields = new Set(member.fields);
  const rows = memberAppraisalsOfCycle(db, memberId, cycleId);
  const evidence = new Map<string, EvidenceRefData[]>();
  for (const e of memberCitationsOfCycle(db, memberId, cycleId)) {
    const k = itemKey(e.unitId, e.nodeCode);
    evidence.set(k, [
      ...(evidence.get(k) ?? []),
      { sha256: e.sha256, page: e.page, title: e.title.slice(0, 300), fileName: e.fileName.slice(0, 255) },
    ]);
  }
  const exemptions = new Map(
    memberProposalsOfCycle(db, memberId, cycleId).map((e) => [itemKey(e.unitId, e.nodeCode), e]),
  );
  const conflicts = memberCycleDeclarations(db, memberId, cycleId);
  const conflicted = new Set(conflicts.map((c) => c.unitId));

  const items = new Map<string, AppraisalItem>();
  for (const r of rows) {
    const k = itemKey(r.unitId, r.nodeCode);
    items.set(k, {
      unitId: r.unitId,
      nodeCode: r.nodeCode,
      input: r.input === null ? null : (JSON.parse(r.input) as ScoreInputData),
      score: r.score,
      comment: r.comment,
      evidence: evidence.get(k) ?? [],
      exemption: null,
      updatedAt: r.updatedAt,
    });
  }
  for (const [k, e] of exemptions) {
    const exemption = { reason: e.reason, legalBasis: e.legalBasis };
    const item = items.get(k);
    items.set(
      k,
      item
        ? { ...item, exemption }
        : {
            unitId: e.unitId,
            nodeCode: e.nodeCode,
            input: null,
            score: null,
            comment: '',
            evidence: [],
            exemption,
            updatedAt: e.createdAt,
          },
    );
  }
  const skipped: SkippedItem[] = [];
  const appraisals: AppraisalItem[] = [];
  for (const item of [...items.values()].sort(byKey)) {
    const leaf = leafOf(ctx, item.unitId, item.nodeCode);
    const empty = item.input === null && item.comment === '' && item.evidence.length === 0 && item.exemption === null;
    if (empty) continue;
    if (!leaf)
      skipped.push({ unitId: item.unitId, nodeCode: item.nodeCode, reason: 'không có trong bộ tiêu chí của đơn vị' });
    else if (!isAssigned(fields, ctx.units.get(item.unitId)?.group ?? '', leaf.field) || leaf.survey)
      skipped.push({
        unitId: item.unitId,
        nodeCode: item.nodeCode,
        reason: `ngoài lĩnh vực được phân công (${leaf.field})`,
      });
    else if (conflicted.has(item.unitId))
      skipped.push({ unitId: item.unitId, nodeCode: item.nodeCode, reason: 'đơn vị đã khai báo xung đột lợi ích' });
    else appraisals.push(item);
  }
  const payload: AppraisalPayload = {
    format: APPRAISAL_FORMAT,
    version: APPRAISAL_VERSION,
    cycleId,
    frameworks: frameworkHashes(ctx),
    member: { id: member.id, name: member.name },
    keyFingerprint: header.keyFingerprint,
    scope: { fields: [...member.fields] },
    sequence: header.sequence,
    previousPackageHash: header.previousPackageHash,
    createdAt: header.createdAt,
    appraisals,
    conflictsOfInterest: conflicts,
  };
  const check = PayloadSchema.safeParse(payload);
  if (!check.success)
    throw new CodedFailure(
      'EXCHANGE_SCHEMA',
      `Không tạo được gói kết quả thẩm định: ${describeIssues(check.error.issues)}.`,
    );
  return { payload, skipped };
}

export interface ExportedPackage {
  readonly path: string;
  readonly fileName: string;
  readonly packageHash: string;
  readonly sequence: number;
  readonly previousPackageHash: string | null;
  readonly items: number;
  readonly conflictsOfInterest: number;
  readonly skipped: readonly SkippedItem[];
}

export interface ExportOptions {
  /** Full path of the file to write (the app's save dialog), or */
  readonly outPath?: string;
  /** a folder to write the suggested file name into. */
  readonly outDir?: string;
  readonly now?: string;
}

/** The roster must hold this installation's key for the member (otherwise the secretariat would refuse the package). */
function requireRosterKey(db: Db, memberId: string, signer: Signer): void {
  const fp = memberFingerprint(db, memberId);
  if (!fp)
    throw new CodedFailure('EXCHANGE_KEY_NOT_REGISTERED', EXCHANGE_ACTION_ERRORS.EXCHANGE_KEY_NOT_REGISTERED, {
      memberId,
    });
  if (fp !== signer.fingerprint)
    throw new CodedFailure('EXCHANGE_NOT_ON_ROSTER', EXCHANGE_ACTION_ERRORS.EXCHANGE_NOT_ON_ROSTER, { memberId });
}

/** Builds, signs, records (outbox + audit, one transaction) and writes the member's package. */
export function exportAppraisalPackage(
  db: Db,
  cycleId: string,
  memberId: string,
  signer: Signer,
  options: ExportOptions = {},
): ExportedPackage {
  requireRosterKey(db, memberId, signer);
  const createdAt = options.now ?? new Date().toISOString();
  const result = tx(db, () => {
    const last = lastSent(db, memberId, cycleId);
    const sequence = (last?.sequence ?? 0) + 1;
    const { payload, skipped } = buildAppraisalPayload(db, cycleId, memberId, {
      keyFingerprint: signer.fingerprint,
      sequence,
      previousPackageHash: last?.packageHash ?? null,
      createdAt,
    });
    const { text, packageHash } = encodeAppraisalPackage(payload, signer);
    insertSent(db, {
      packageHash,
      cycleId,
      memberId,
      sequence,
      previousHash: payload.previousPackageHash,
      createdAt,
      items: payload.appraisals.length,
    });
    appendAudit(db, {
      actor: memberId,
      action: 'package.export',
      entity: 'appraisal_package',
      entityId: packageHash,
      after: {
        sequence,
        previousHash: payload.previousPackageHash,
        items: payload.appraisals.length,
        conflictsOfInterest: payload.conflictsOfInterest.length,
        skipped: skipped.length,
      },
      packageHash,
      at: createdAt,
    });
    return { payload, skipped, text, packageHash, sequence };
  });
  const fileName = appraisalFileName(cycleId, memberId, result.sequence);
  const path = options.outPath ?? join(options.outDir ?? '.', fileName);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, result.text);
  renameSync(tmp, path);
  return {
    path,
    fileName: path.split(/[\\/]/).pop() ?? fileName,
    packageHash: result.packageHash,
    sequence: result.sequence,
    previousPackageHash: result.payload.previousPackageHash,
    items: result.payload.appraisals.length,
    conflictsOfInterest: result.payload.conflictsOfInterest.length,
    skipped: result.skipped,
  };
}
