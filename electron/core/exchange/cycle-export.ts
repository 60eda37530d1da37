/**
 * The cycle package out (secretariat → members): the cycle's content as members receive it,
 * signed and written as a tar of canonical JSON and evidence files. Format in
 * shared/exchange/cycle-package.ts; the way in is cycle-package.ts.
 */
import { listCycleGroups } from '../db/repos/groups.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import {
  CYCLE_FORMAT,
  CYCLE_MANIFEST_FORMAT,
  CYCLE_VERSION,
  type CycleContent,
  type CycleManifest,
  cycleFileName,
} from '../../../shared/exchange/cycle-package.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { approvedExemptions } from '../db/repos/council.ts';
import { cycleDossierItems, cycleDossierLinks, cycleEvidenceEntries } from '../db/repos/cycle-content.ts';
import { insertCyclePackage, lastIssuedRevision } from '../db/repos/packages.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { listMembers } from '../db/repos/members.ts';
import { listUnits } from '../db/repos/units.ts';
import { listCycleSurveyPoints } from '../db/repos/survey.ts';
import { deserialize, serialize } from '../../../shared/decimal/rational.ts';
import { evidencePath, evidenceStatus } from '../evidence/files.ts';
import { councilResults } from './cycle-results.ts';
import { type Signer, sha256Hex } from './keys.ts';
import { canonicalJson } from '../../../shared/exchange/jcs.ts';
import { TarWriter } from './tar.ts';

export interface ExportedCycle {
  readonly path: string;
  readonly fileName: string;
  readonly packageHash: string;
  readonly revision: number;
  readonly units: number;
  readonly members: number;
  readonly evidenceFiles: number;
  readonly bytes: number;
}

/** The cycle as members receive it. */
export function cycleContent(db: Db, cycleId: string, revision: number, issuedAt: string): CycleContent {
  const cycle = getCycle(db, cycleId);
  if (!cycle) throw new CodedFailure('CYCLE_NOT_FOUND', `Không tìm thấy kỳ đánh giá “${cycleId}”.`);
  const dossiers = cycleDossierItems(db, cycleId).map((d) => ({
    unitId: d.unitId,
    nodeCode: d.nodeCode,
    round1Input: d.r1i === null ? null : JSON.parse(d.r1i),
    round1Score: d.r1s,
    round2Input: d.r2i === null ? null : JSON.parse(d.r2i),
    round2Score: d.r2s,
    declared: d.declared === null ? null : JSON.parse(d.declared),
    explanation: d.explanation,
  }));
  const dossierEvidence: CycleContent['dossierEvidence'] = cycleDossierLinks(db, cycleId);
  const cited = new Set(dossierEvidence.map((d) => d.sha256));
  const results = councilResults(db, cycleId);
  const evidence: CycleContent['evidence'] = cycleEvidenceEntries(db, cycleId).filter((e) => cited.has(e.sha256));
  return {
    format: CYCLE_FORMAT,
    version: CYCLE_VERSION,
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, province: cycle.province, precision: cycle.precision },
    revision,
    issuedAt,
    groups: listCycleGroups(db, cycleId).map((g) => ({ ...g, fields: [...g.fields] })),
    frameworks: cycleFrameworks(db, cycleId)
      .map((f) => ({ group: f.group, hash: f.hash, framework: f.framework as unknown }))
      .sort((a, b) => (a.group < b.group ? -1 : 1)),
    units: listUnits(db, cycleId).map((u) => ({ id: u.id, name: u.name, group: u.group, sortOrder: u.sortOrder })),
    roster: listMembers(db, cycleId).map((m) => ({
      id: m.id,
      name: m.name,
      position: m.position,
      agency: m.agency,
      role: m.role,
      fields: [...m.fields],
      publicKey: m.publicKey,
      fingerprint: m.fingerprint,
    })),
    dossiers,
    evidence,
    dossierEvidence,
    exemptions: approvedExemptions(db, cycleId),
    surveyPoints: listCycleSurveyPoints(db, cycleId)
      .map((p) => ({
        unitId: p.unitId,
        source: p.source,
        points: serialize(deserialize(p.points)),
        respondents: p.respondents,
      }))
      .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.source < b.source ? -1 : 1)),
    ...(results ? { results } : {}),
  };
}

export function exportCyclePackage(
  db: Db,
  dataDir: string,
  cycleId: string,
  signer: Signer,
  options: { actor: string; outPath?: string; outDir?: string; now?: string },
): ExportedCycle {
  const issuedAt = options.now ?? new Date().toISOString();
  const last = lastIssuedRevision(db, cycleId);
  const revision = (last ?? 0) + 1;
  const content = cycleContent(db, cycleId, revision, issuedAt);
  const missing = content.evidence.filter((e) => evidenceStatus(dataDir, e.sha256) !== 'ok');
  if (missing.length > 0) {
    throw new CodedFailure(
      'EXCHANGE_EVIDENCE_MISSING',
      `Không tạo được gói kỳ đánh giá: thiếu hoặc hỏng ${missing.length} tệp tài liệu kiểm chứng (${missing
        .slice(0, 3)
        .map((e) => `“${e.title}”`)
        .join(', ')}${missing.length > 3 ? ', …' : ''}).`,
      { missing: missing.length },
    );
  }
  const contentBytes = Buffer.from(canonicalJson(content), 'utf8');
  const entries = [
    { path: 'cycle.json', size: contentBytes.length, sha256: sha256Hex(contentBytes) },
    ...content.evidence.map((e) => ({
      path: `evidence/${e.sha256}`,
      size: statSync(evidencePath(dataDir, e.sha256)).size,
      sha256: e.sha256,
    })),
  ];
  const manifest: CycleManifest = {
    format: CYCLE_MANIFEST_FORMAT,
    version: CYCLE_VERSION,
    cycleId,
    revision,
    issuedAt,
    signer: { publicKey: signer.publicKey, fingerprint: signer.fingerprint },
    entries,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const signature = {
    algorithm: 'Ed25519' as const,
    publicKey: signer.publicKey,
    value: signer.sign(manifestBytes).toString('base64'),
  };
  const packageHash = sha256Hex(manifestBytes);
  const fileName = cycleFileName(cycleId, revision);
  const path = options.outPath ?? join(options.outDir ?? '.', fileName);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const w = new TarWriter(tmp, Date.parse(issuedAt) / 1000);
  try {
    w.add('manifest.json', manifestBytes);
    w.add('manifest.sig', Buffer.from(canonicalJson(signature), 'utf8'));
    w.add('cycle.json', contentBytes);
    for (const e of entries.slice(1)) {
      const hash = createHash('sha256');
      w.addFile(e.path, evidencePath(dataDir, e.sha256), e.size, (c) => hash.update(c));
      if (hash.digest('hex') !== e.sha256)
        throw new CodedFailure('EXCHANGE_EVIDENCE_MISSING', `Tệp tài liệu ${e.sha256} đã thay đổi trong khi đóng gói.`);
    }
    w.finish();
  } catch (e) {
    w.abort();
    rmSync(tmp, { force: true });
    throw e;
  }
  tx(db, () => {
    insertCyclePackage(db, {
      packageHash,
      cycleId,
      direction: 'issued',
      revision,
      signerFingerprint: signer.fingerprint,
      issuedAt,
      recordedAt: issuedAt,
    });
    appendAudit(db, {
      actor: options.actor,
      action: 'cycle.export',
      entity: 'cycle_package',
      entityId: packageHash,
      after: {
        cycleId,
        revision,
        units: content.units.length,
        members: content.roster.length,
        evidenceFiles: content.evidence.length,
        signer: signer.fingerprint,
      },
      packageHash,
      at: issuedAt,
    });
  });
  renameSync(tmp, path);
  return {
    path,
    fileName: path.split(/[\\/]/).pop() ?? fileName,
    packageHash,
    revision,
    units: content.units.length,
    members: content.roster.length,
    evidenceFiles: content.evidence.length,
    bytes: statSync(path).size,
  };
}
