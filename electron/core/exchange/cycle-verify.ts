import { createHash } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues } from '../../../shared/exchange/appraisal-package.ts';
import {
  CYCLE_CONTENT_MAX_BYTES,
  CYCLE_MANIFEST_FORMAT,
  CYCLE_MANIFEST_MAX_BYTES,
  CYCLE_MAX_BYTES,
  type CycleContent,
  CycleContent as ContentSchema,
  type CycleManifest,
  CycleManifest as ManifestSchema,
  ManifestSignature,
} from '../../../shared/exchange/cycle-package.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { jsonTooDeep } from '../../../shared/exchange/json-depth.ts';
import { buildTree } from '../../../shared/framework/tree.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { planTotals } from '../../../shared/results/unit-totals.ts';
import { ZERO, add, cmp, deserialize } from '../../../shared/decimal/rational.ts';
import { frameworkHash } from '../framework/hash.ts';
import { checkCycleContent } from './cycle-ids.ts';
import { readCouncilResults } from './cycle-results.ts';
import { fingerprintOf, sha256Hex, verifyEd25519 } from './keys.ts';
import { ExchangeRefusal, displayName } from './refusal.ts';
import { canonicalJson } from '../../../shared/exchange/jcs.ts';
import { TarFormatError, TarReader } from './tar.ts';

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
