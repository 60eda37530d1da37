/**
 * The cycle package (secretariat → members); format in shared/exchange/cycle-package.ts.
 *
 *   exportCyclePackage(db, dataDir, cycleId, signer, { outPath | outDir, actor }) → ExportedCycle
 *   verifyCyclePackage(path) → VerifiedCycle                    (signature and every hash; writes nothing)
 *   importCyclePackage(db, dataDir, path, { actor, expectFingerprint? }) → ImportedCycle
 *
 * Import: size cap → manifest schema → signature (by the same secretariat key as earlier
 * revisions; optionally the fingerprint read aloud) → every entry's size and sha256 as it
 * streams (evidence into a staging folder) → revision newer than the last received → evidence
 * files moved into the store (content-addressed: an orphan after a crash is harmless) →
 * backup → one transaction (cycle, frameworks, units, roster, dossiers, evidence, approved
 * exemptions, package record, audit). The member's own appraisals are never touched; the
 * dossier of a received cycle is read-only (triggers of migration 003).
 */
import { listCycleGroups, putCycleGroup } from '../db/repos/groups.ts';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { describeIssues } from '../../../shared/exchange/appraisal-package.ts';
import {
  CYCLE_CONTENT_MAX_BYTES,
  CYCLE_FORMAT,
  CYCLE_MANIFEST_FORMAT,
  CYCLE_MANIFEST_MAX_BYTES,
  CYCLE_MAX_BYTES,
  CYCLE_VERSION,
  type CycleContent,
  CycleContent as ContentSchema,
  type CycleManifest,
  CycleManifest as ManifestSchema,
  ManifestSignature,
  cycleFileName,
} from '../../../shared/exchange/cycle-package.ts';
import { fingerprintMatches, formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { jsonTooDeep } from '../../../shared/exchange/json-depth.ts';
import { buildTree } from '../../../shared/framework/tree.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { planTotals } from '../../../shared/results/unit-totals.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { approvedExemptions } from '../db/repos/council.ts';
import {
  clearCycleDossiers,
  clearCycleSurveyPoints,
  cycleDossierItems,
  cycleDossierLinks,
  cycleEvidenceEntries,
  insertDossierItem,
  lockExchange,
  unlockExchange,
  upsertApprovedExemption,
  upsertReceivedCycle,
  upsertReceivedMember,
  upsertReceivedUnit,
} from '../db/repos/cycle-content.ts';
import {
  cyclePackageReceived,
  insertCyclePackage,
  lastIssuedRevision,
  lastReceivedCycle,
} from '../db/repos/packages.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import { cycleFrameworks, putFramework, setCycleFramework } from '../db/repos/frameworks.ts';
import { demoCycleAdoptable } from '../demo/adopt.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { listMembers, setMemberFields } from '../db/repos/members.ts';
import { listUnits } from '../db/repos/units.ts';
import { listCycleSurveyPoints, putSurveyPoints } from '../db/repos/survey.ts';
import { ZERO, add, cmp, deserialize, serialize } from '../../../shared/decimal/rational.ts';
import { evidencePath, evidenceStatus } from '../evidence/files.ts';
import { frameworkHash } from '../framework/hash.ts';
import { backupDatabase } from '../db/backup.ts';
import { checkCycleContent, checkCycleIds } from './cycle-ids.ts';
import {
  type CarriedFinal,
  councilResults,
  openForImport,
  readCouncilResults,
  writeCouncilResults,
} from './cycle-results.ts';
import { type Signer, fingerprintOf, sha256Hex, verifyEd25519 } from './keys.ts';
import { ExchangeRefusal, canonicalJson, displayName } from './refusal.ts';
import { TarFormatError, TarReader, TarWriter } from './tar.ts';
import { attachDossierEvidence } from '../db/repos/dossiers.ts';

// ------------------------------------------------------------------ export

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

// ------------------------------------------------------------------ verify

export interface VerifiedCycle {
  readonly file: string;
  readonly packageHash: string;
  readonly manifest: CycleManifest;
  readonly content: CycleContent;
  readonly signer: { readonly fingerprint: string; readonly display: string };
  readonly bytes: number;
}

function parseJsonEntry(
  file: string,
  bytes: Buffer,
  code: 'EXCHANGE_MANIFEST' | 'EXCHANGE_SCHEMA',
  what: string,
): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExchangeRefusal(file, code, `${what} không phải JSON hợp lệ`);
  }
  if (jsonTooDeep(text)) throw new ExchangeRefusal(file, 'EXCHANGE_TOO_DEEP', what);
  try {
    return JSON.parse(text);
  } catch {
    throw new ExchangeRefusal(file, code, `${what} không phải JSON hợp lệ`);
  }
}

/**
 * Reads and checks a cycle package from end to end. With `stageDir`, evidence files are
 * written there under their hash as they are verified (the import moves them into place).
 */
export function verifyCyclePackage(path: string, stageDir?: string): VerifiedCycle {
  const file = displayName(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new ExchangeRefusal(file, 'EXCHANGE_FILE_UNREADABLE');
  }
  if (size > CYCLE_MAX_BYTES)
    throw new ExchangeRefusal(file, 'EXCHANGE_TOO_LARGE', `${size} byte, tối đa ${CYCLE_MAX_BYTES} byte`);
  if (size === 0) throw new ExchangeRefusal(file, 'EXCHANGE_TRUNCATED', 'tệp rỗng');
  let r: TarReader;
  try {
    r = new TarReader(path, size);
  } catch {
    throw new ExchangeRefusal(file, 'EXCHANGE_FILE_UNREADABLE');
  }
  const head = r.peek(263);
  if (head.length < 263 || head.subarray(257, 262).toString('latin1') !== 'ustar') {
    r.close();
    if (head.subarray(0, 13).toString('latin1') === 'manifest.json')
      throw new ExchangeRefusal(file, 'EXCHANGE_TRUNCATED');
    throw new ExchangeRefusal(file, 'EXCHANGE_WRONG_KIND', 'không phải gói kỳ đánh giá (tệp .cchc-cycle.tar)');
  }
  try {
    const expectEntry = (name: string, max: number) => {
      const e = r.next();
      if (!e || e.name !== name) throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', `thiếu mục ${name}`);
      if (e.size > max) throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', `mục ${name} quá lớn`);
      return r.read();
    };
    const manifestBytes = expectEntry('manifest.json', CYCLE_MANIFEST_MAX_BYTES);
    const rawManifest = parseJsonEntry(file, manifestBytes, 'EXCHANGE_MANIFEST', 'manifest.json');
    if ((rawManifest as { format?: unknown })?.format !== CYCLE_MANIFEST_FORMAT)
      throw new ExchangeRefusal(file, 'EXCHANGE_WRONG_KIND', 'không phải gói kỳ đánh giá');
    const m = ManifestSchema.safeParse(rawManifest);
    if (!m.success) throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', describeIssues(m.error.issues));
    const sig = ManifestSignature.safeParse(
      parseJsonEntry(file, expectEntry('manifest.sig', 4096), 'EXCHANGE_MANIFEST', 'manifest.sig'),
    );
    if (!sig.success)
      throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', `chữ ký: ${describeIssues(sig.error.issues)}`);
    const manifest = m.data;
    if (
      sig.data.publicKey !== manifest.signer.publicKey ||
      fingerprintOf(manifest.signer.publicKey) !== manifest.signer.fingerprint
    ) {
      throw new ExchangeRefusal(file, 'EXCHANGE_KEY_MISMATCH');
    }
    // The signature covers the bytes as written, which must be the canonical form.
    if (canonicalJson(rawManifest) !== manifestBytes.toString('utf8'))
      throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'bảng kê không ở dạng JSON chuẩn tắc');
    if (!verifyEd25519(manifest.signer.publicKey, manifestBytes, sig.data.value))
      throw new ExchangeRefusal(file, 'EXCHANGE_BAD_SIGNATURE');

    let content: CycleContent | null = null;
    for (const entry of manifest.entries) {
      const e = r.next();
      if (!e || e.name !== entry.path || e.size !== entry.size) {
        throw new ExchangeRefusal(file, 'EXCHANGE_HASH_MISMATCH', `mục ${entry.path} không có hoặc sai kích thước`);
      }
      if (entry.path === 'cycle.json') {
        if (e.size > CYCLE_CONTENT_MAX_BYTES)
          throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'cycle.json quá lớn');
        const bytes = r.read();
        if (sha256Hex(bytes) !== entry.sha256) throw new ExchangeRefusal(file, 'EXCHANGE_HASH_MISMATCH', 'cycle.json');
        const c = ContentSchema.safeParse(parseJsonEntry(file, bytes, 'EXCHANGE_SCHEMA', 'cycle.json'));
        if (!c.success)
          throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `cycle.json: ${describeIssues(c.error.issues)}`);
        content = c.data;
      } else {
        const hash = createHash('sha256');
        const out = stageDir ? openSync(join(stageDir, entry.sha256), 'w') : null;
        try {
          r.stream((chunk) => {
            hash.update(chunk);
            if (out !== null) writeSync(out, chunk);
          });
        } finally {
          if (out !== null) closeSync(out);
        }
        if (hash.digest('hex') !== entry.sha256) throw new ExchangeRefusal(file, 'EXCHANGE_HASH_MISMATCH', entry.path);
      }
    }
    if (r.next() !== null || r.trailingNonZero())
      throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'có mục không ghi trong bảng kê');
    if (!content) throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'thiếu cycle.json');
    if (content.cycle.id !== manifest.cycleId || content.revision !== manifest.revision)
      throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'bảng kê và nội dung khác kỳ hoặc lần phát hành');
    const listed = new Set(manifest.entries.filter((x) => x.path !== 'cycle.json').map((x) => x.sha256));
    const described = new Set(content.evidence.map((x) => x.sha256));
    if (listed.size !== described.size || [...listed].some((h) => !described.has(h)))
      throw new ExchangeRefusal(file, 'EXCHANGE_MANIFEST', 'danh sách tài liệu không khớp');
    const units = new Set(content.units.map((u) => u.id));
    const known = (what: string, ok: boolean) => {
      if (!ok) throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `cycle.json: ${what}`);
    };
    const groupCodes = new Set(content.groups.map((g) => g.code));
    known('mã nhóm đơn vị trùng nhau', groupCodes.size === content.groups.length);
    for (const u of content.units) known(`đơn vị “${u.name}” thuộc nhóm lạ “${u.group}”`, groupCodes.has(u.group));
    for (const f of content.frameworks) known(`bộ tiêu chí của nhóm lạ “${f.group}”`, groupCodes.has(f.group));
    for (const d of content.dossiers) known(`hồ sơ của đơn vị lạ “${d.unitId}”`, units.has(d.unitId));
    for (const l of content.dossierEvidence)
      known(
        `tài liệu ${l.sha256.slice(0, 12)} không có trong danh sách`,
        described.has(l.sha256) && units.has(l.unitId),
      );
    const roster = new Set(content.roster.map((m) => m.id));
    for (const e of content.exemptions)
      known(
        `hạ điểm chuẩn của đơn vị lạ “${e.unitId}”`,
        units.has(e.unitId) && (e.proposedBy === null || roster.has(e.proposedBy)),
      );
    for (const m of content.roster)
      known(
        `khóa của thành viên “${m.id}”`,
        m.publicKey === null ? m.fingerprint === null : m.fingerprint === fingerprintOf(m.publicKey),
      );
    for (const f of content.frameworks) {
      let ok = false;
      try {
        ok = frameworkHash(f.framework as Framework) === f.hash && (f.framework as Framework).group === f.group;
        planTotals(buildTree(f.framework as Framework), f.group);
      } catch {
        ok = false;
      }
      if (!ok) throw new ExchangeRefusal(file, 'EXCHANGE_FRAMEWORK_MISMATCH', `nhóm ${f.group}`);
    }
    // Survey points: of a unit of the package, between 0 and the maximum of its group's survey sub-criteria of that source.
    const surveyMax = new Map<string, ReturnType<typeof deserialize>>();
    for (const f of content.frameworks) {
      for (const leaf of planTotals(buildTree(f.framework as Framework), f.group).leaves) {
        if (leaf.survey)
          surveyMax.set(`${f.group}/${leaf.survey}`, add(surveyMax.get(`${f.group}/${leaf.survey}`) ?? ZERO, leaf.max));
      }
    }
    const groupOf = new Map(content.units.map((u) => [u.id, u.group]));
    const seenSurvey = new Set<string>();
    for (const sp of content.surveyPoints ?? []) {
      const max = surveyMax.get(`${groupOf.get(sp.unitId)}/${sp.source}`);
      const v = deserialize(sp.points);
      known(
        `điểm ĐTXHH của đơn vị “${sp.unitId}”`,
        max !== undefined && cmp(v, ZERO) >= 0 && cmp(v, max) <= 0 && !seenSurvey.has(`${sp.unitId}/${sp.source}`),
      );
      seenSurvey.add(`${sp.unitId}/${sp.source}`);
    }
    checkCycleContent(file, content);
    readCouncilResults(file, content);
    return {
      file,
      packageHash: sha256Hex(manifestBytes),
      manifest,
      content,
      signer: { fingerprint: manifest.signer.fingerprint, display: formatFingerprint(manifest.signer.fingerprint) },
      bytes: size,
    };
  } catch (e) {
    if (e instanceof TarFormatError)
      throw new ExchangeRefusal(
        file,
        e.message === 'truncated' ? 'EXCHANGE_TRUNCATED' : 'EXCHANGE_MANIFEST',
        e.message === 'truncated' ? undefined : 'tệp tar hỏng',
      );
    throw e;
  } finally {
    r.close();
  }
}

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
