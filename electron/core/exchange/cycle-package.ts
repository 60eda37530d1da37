/**
 * The cycle package (secretariat → members); format in shared/exchange/cycle-package.ts.
 *
 *   exportCyclePackage(db, dataDir, cycleId, signer, { outPath | outDir, actor }) → ExportedCycle   (cycle-export.ts)
 *   verifyCyclePackage(path) → VerifiedCycle      (cycle-verify.ts: signature and every hash; writes nothing)
 *   importCyclePackage(db, dataDir, path, { actor, expectFingerprint? }) → ImportedCycle            (here)
 *
 * Import: size cap → manifest schema → signature (by the same secretariat key as earlier
 * revisions; optionally the fingerprint read aloud) → every entry's size and sha256 as it
 * streams (evidence into a staging folder) → revision newer than the last received → evidence
 * files moved into the store (content-addressed: an orphan after a crash is harmless) →
 * backup → one transaction (cycle, frameworks, units, roster, dossiers, evidence, approved
 * exemptions, package record, audit). The member's own appraisals are never touched; the
 * dossier of a received cycle is read-only (triggers of migration 003).
 */
import { putCycleGroup } from '../db/repos/groups.ts';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CycleContent } from '../../../shared/exchange/cycle-package.ts';
import { fingerprintMatches, formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  clearCycleDossiers,
  clearCycleSurveyPoints,
  insertDossierItem,
  lockExchange,
  unlockExchange,
  upsertApprovedExemption,
  upsertReceivedCycle,
  upsertReceivedMember,
  upsertReceivedUnit,
} from '../db/repos/cycle-content.ts';
import { cyclePackageReceived, insertCyclePackage, lastReceivedCycle } from '../db/repos/packages.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import { putFramework, setCycleFramework } from '../db/repos/frameworks.ts';
import { demoCycleAdoptable } from '../demo/adopt.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { setMemberFields } from '../db/repos/members.ts';
import { putSurveyPoints } from '../db/repos/survey.ts';
import { evidencePath, evidenceStatus } from '../evidence/files.ts';
import { backupDatabase } from '../db/backup.ts';
import { checkCycleIds } from './cycle-ids.ts';
import { type CarriedFinal, openForImport, readCouncilResults, writeCouncilResults } from './cycle-results.ts';
import { ExchangeRefusal } from './refusal.ts';
import { attachDossierEvidence } from '../db/repos/dossiers.ts';

import { type VerifiedCycle, verifyCyclePackage } from './cycle-verify.ts';

// ------------------------------------------------------------------ import

export interface ImportedCycle {
  readonly file: string;
  readonly status: 'imported' | 'duplicate' | 'superseded';
  readonly code: string | null;
  readonly message: string;
  readonly packageHash: string;
  readonly cycleId: string;
  readonly revision: number;
  readonly signer: { readonly fingerprint: string; readonly display: string };
  readonly backup: string | null;
  readonly units: number;
  readonly members: number;
  readonly evidenceFiles: number;
}

export interface CycleImportOptions {
  readonly actor: string;
  /** The secretariat's fingerprint as read aloud (the 32 displayed digits or all 64): refuse another key. */
  readonly expectFingerprint?: string;
  readonly backup?: boolean;
  readonly now?: string;
}

function checkOrder(db: Db, v: VerifiedCycle, options: CycleImportOptions): 'new' | 'duplicate' | 'superseded' {
  const file = v.file;
  if (options.expectFingerprint !== undefined && !fingerprintMatches(v.signer.fingerprint, options.expectFingerprint)) {
    throw new ExchangeRefusal(file, 'EXCHANGE_SIGNER_MISMATCH', `dấu vân tay của gói là ${v.signer.display}`);
  }
  const cycleId = v.manifest.cycleId;
  checkCycleIds(db, file, v.content);
  const last = lastReceivedCycle(db, cycleId);
  if (!last && getCycle(db, cycleId) && !demoCycleAdoptable(db, cycleId))
    throw new ExchangeRefusal(file, 'EXCHANGE_CYCLE_EXISTS', `kỳ “${cycleId}”`);
  if (!last) return 'new';
  if (last.signer !== v.signer.fingerprint)
    throw new ExchangeRefusal(file, 'EXCHANGE_SIGNER_CHANGED', `khóa trước: ${formatFingerprint(last.signer)}`);
  if (cyclePackageReceived(db, v.packageHash)) return 'duplicate';
  if (v.manifest.revision <= last.revision) return 'superseded';
  return 'new';
}

export function importCyclePackage(db: Db, dataDir: string, path: string, options: CycleImportOptions): ImportedCycle {
  // Staging folders left by an import that crashed hold nothing the store cites.
  const evidenceDir = join(dataDir, 'evidence');
  if (existsSync(evidenceDir))
    for (const f of readdirSync(evidenceDir))
      if (f.startsWith('.staging-')) rmSync(join(evidenceDir, f), { recursive: true, force: true });
  const stage = join(evidenceDir, `.staging-${process.pid}-${Date.now()}`);
  mkdirSync(stage, { recursive: true });
  try {
    const v = verifyCyclePackage(path, stage);
    const c = v.content;
    const at = options.now ?? new Date().toISOString();
    const base = {
      file: v.file,
      packageHash: v.packageHash,
      cycleId: c.cycle.id,
      revision: c.revision,
      signer: v.signer,
      units: c.units.length,
      members: c.roster.length,
      evidenceFiles: c.evidence.length,
    };
    const state = checkOrder(db, v, options);
    if (state !== 'new') {
      const code = state === 'duplicate' ? 'EXCHANGE_DUPLICATE' : 'EXCHANGE_SUPERSEDED';
      return { ...base, status: state, code, message: new ExchangeRefusal(v.file, code).message, backup: null };
    }
    // Evidence into the store (content-addressed, atomic renames) before the transaction that cites it.
    for (const e of c.evidence) {
      const target = evidencePath(dataDir, e.sha256);
      if (existsSync(target) && evidenceStatus(dataDir, e.sha256) === 'ok') continue;
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(stage, e.sha256), target);
    }
    const backup = options.backup === false ? null : backupDatabase(db, dataDir, 'cycle');
    tx(db, () => {
      if (checkOrder(db, v, options) !== 'new') throw new ExchangeRefusal(v.file, 'EXCHANGE_SUPERSEDED');
      writeCycle(db, c, readCouncilResults(v.file, c));
      insertCyclePackage(db, {
        packageHash: v.packageHash,
        cycleId: c.cycle.id,
        direction: 'received',
        revision: c.revision,
        signerFingerprint: v.signer.fingerprint,
        issuedAt: c.issuedAt,
        recordedAt: at,
      });
      appendAudit(db, {
        actor: options.actor,
        action: 'cycle.import',
        entity: 'cycle_package',
        entityId: v.packageHash,
        after: {
          cycleId: c.cycle.id,
          revision: c.revision,
          units: c.units.length,
          members: c.roster.length,
          evidenceFiles: c.evidence.length,
          signer: v.signer.fingerprint,
        },
        packageHash: v.packageHash,
        at,
      });
    });
    return {
      ...base,
      status: 'imported',
      code: null,
      message: `Đã nhận gói kỳ đánh giá “${c.cycle.name}” (lần ${c.revision}) từ tệp “${v.file}”: ${c.units.length} đơn vị, ${c.evidence.length} tài liệu kiểm chứng.`,
      backup,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Writes the received cycle; call inside a transaction. Dossiers are replaced; appraisals are kept. */
function writeCycle(db: Db, c: CycleContent, finals: readonly CarriedFinal[]): void {
  unlockExchange(db);
  const id = c.cycle.id;
  openForImport(db, id);
  upsertReceivedCycle(db, { ...c.cycle, createdAt: c.issuedAt });
  for (const g of c.groups) putCycleGroup(db, id, g);
  for (const f of c.frameworks) {
    putFramework(db, f.hash, f.framework as Framework);
    setCycleFramework(db, id, f.group, f.hash);
  }
  for (const u of c.units) upsertReceivedUnit(db, id, u);
  for (const m of c.roster) {
    upsertReceivedMember(db, id, m);
    setMemberFields(db, m.id, m.fields);
  }
  clearCycleDossiers(db, id);
  const enc = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  for (const d of c.dossiers)
    insertDossierItem(db, {
      unitId: d.unitId,
      nodeCode: d.nodeCode,
      round1Input: enc(d.round1Input),
      round1Score: d.round1Score,
      round2Input: enc(d.round2Input),
      round2Score: d.round2Score,
      declared: enc(d.declared),
      explanation: d.explanation,
    });
  const ids = new Map<string, number>();
  for (const e of c.evidence)
    ids.set(
      e.sha256,
      putEvidence(db, {
        cycleId: id,
        sha256: e.sha256,
        title: e.title,
        fileName: e.fileName,
        size: e.size,
        mime: e.mime,
      }),
    );
  for (const l of c.dossierEvidence) {
    const ev = ids.get(l.sha256);
    if (ev !== undefined) attachDossierEvidence(db, l.unitId, l.nodeCode, ev, l.page);
  }
  for (const e of c.exemptions) upsertApprovedExemption(db, { ...e, createdAt: e.decidedAt ?? c.issuedAt });
  if (c.surveyPoints !== undefined) {
    // The secretariat's survey points replace the member's (none in the package: none known yet).
    clearCycleSurveyPoints(db, id);
    for (const sp of c.surveyPoints) putSurveyPoints(db, { ...sp, importedAt: c.issuedAt });
  }
  writeCouncilResults(db, c, finals);
  lockExchange(db);
}
