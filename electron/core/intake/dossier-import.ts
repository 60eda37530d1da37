/**
 * Intake of one unit's self-assessment workbook for a round, with its evidence files.
 *
 *   previewDossierImport → what would be written: items (recomputed score beside the
 *     unit's own), totals, files found / missing / not cited, round-2 changes. Writes nothing.
 *   commitDossierImport  → refuses when a cited file is missing; streams the cited files
 *     into the evidence store (sha256, duplicates once), then ONE transaction: dossier
 *     items of the round, their evidence, proposed lowered benchmarks, the import record,
 *     audit rows (who, what, the workbook's sha256). A refusal, a failure or a cancellation
 *     leaves the database unchanged and takes back the evidence files it had added.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type Rational,
  ZERO,
  add,
  cmp,
  deserialize,
  parseDecimal,
  serialize,
  sum,
} from '../../../shared/decimal/rational.ts';
import type { IntakeChange, IntakeCommitted, IntakeItem, IntakePreview } from '../../../shared/contract/intake.ts';
import { CodedFailure, type CodedError } from '../../../shared/errors/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import {
  type IntakeUnit,
  citedNames,
  cycleHasReceivedPackage,
  hasRound,
  insertDossierImport,
  proposeUnitExemption,
  replaceItemEvidence,
  storedEvidenceByName,
  storedRounds,
  writeRoundItem,
} from '../db/repos/intake.ts';
import { evidencePath, mimeOf, MAX_EVIDENCE_BYTES } from '../evidence/files.ts';
import { problem, refusal } from './cells.ts';
import { describeInput, pointsText } from './describe.ts';
import {
  type EvidenceEntry,
  type EvidenceSource,
  hashEntry,
  openEvidenceSource,
  storeEntry,
} from './evidence-source.ts';
import { COL, HEADERS, SHEET } from './layout.ts';
import { type IntakeProgress, type IntakeRun, checkCancel } from './progress.ts';
import { type Citation, type ParsedItem, parseDossierWorkbook } from './read-workbook.ts';
import { type GroupTarget, groupTarget, requireCycle, unitTarget } from './target.ts';
import { getUnit } from '../db/repos/units.ts';

export interface DossierImportInput {
  readonly cycleId: string;
  /** The unit, by name (the CLI) or by id (the UI). */
  readonly unit: { readonly name: string } | { readonly id: string };
  readonly round: 1 | 2;
  readonly workbookPath: string;
  readonly workbookName?: string;
  /** A folder or a .zip; null when none is sent. */
  readonly evidencePath: string | null;
  readonly evidenceName?: string;
}

const WORKBOOK_MAX = 25 * 1024 * 1024;

interface Prepared {
  readonly unit: IntakeUnit;
  readonly target: GroupTarget;
  readonly workbook: { name: string; sha256: string; size: number };
  readonly items: readonly ParsedItem[];
  readonly source: EvidenceSource;
  /** Each citation resolved: an entry of the source, a file already stored for the unit, or missing. */
  readonly resolved: Map<
    Citation,
    { entry: EvidenceEntry } | { stored: { evidenceId: number; sha256: string } } | null
  >;
}

function resolveUnit(db: Db, input: DossierImportInput): { unit: IntakeUnit; target: GroupTarget } {
  if ('name' in input.unit) return unitTarget(db, input.cycleId, input.unit.name);
  const cycle = requireCycle(db, input.cycleId);
  const u = getUnit(db, input.unit.id);
  if (!u || u.cycleId !== input.cycleId)
    throw new CodedFailure(
      'INTAKE_UNIT_UNKNOWN',
      `Đơn vị mã “${input.unit.id}” không có trong kỳ đánh giá “${cycle.name}”.`,
      { unit: input.unit.id },
    );
  return {
    unit: { id: u.id, cycleId: u.cycleId, name: u.name, group: u.group },
    target: groupTarget(db, input.cycleId, u.group),
  };
}

function emit(run: IntakeRun | undefined, p: IntakeProgress): void {
  run?.onProgress?.(p);
}

const key = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

async function prepare(db: Db, input: DossierImportInput, run: IntakeRun | undefined): Promise<Prepared> {
  const { unit, target } = resolveUnit(db, input);
  if (target.cycle.status === 'finalised')
    throw new CodedFailure(
      'INTAKE_CYCLE_FINALISED',
      `Kỳ đánh giá “${target.cycle.name}” đã chốt kết quả; không nhận thêm hồ sơ tự đánh giá.`,
    );
  if (cycleHasReceivedPackage(db, target.cycle.id))
    throw new CodedFailure(
      'INTAKE_READ_ONLY',
      'Cơ sở dữ liệu này nhận kỳ đánh giá từ cơ quan thường trực; hồ sơ chỉ được nhập tại cơ quan thường trực.',
    );
  if (input.round === 2 && !hasRound(db, unit.id, 1)) {
    throw new CodedFailure(
      'INTAKE_ROUND1_MISSING',
      `Đơn vị “${unit.name}” chưa có hồ sơ tự đánh giá lần 1; hãy nhập lần 1 trước lần 2.`,
      { unit: unit.name },
    );
  }
  const wbName = input.workbookName ?? basename(input.workbookPath);
  emit(run, { phase: 'workbook', done: 0, total: 1, bytesDone: 0, bytesTotal: 0, current: wbName });
  let size: number;
  try {
    size = statSync(input.workbookPath).size;
  } catch {
    throw new CodedFailure('INTAKE_WORKBOOK_UNREADABLE', `Không tìm thấy tệp “${wbName}”.`, { file: wbName });
  }
  if (size > WORKBOOK_MAX)
    throw new CodedFailure(
      'INTAKE_WORKBOOK_UNREADABLE',
      `Tệp “${wbName}” lớn hơn 25 MB, không phải một phiếu tự đánh giá.`,
      { file: wbName },
    );
  const bytes = readFileSync(input.workbookPath);
  const parsed = await parseDossierWorkbook(bytes, wbName, target, unit.name);
  checkCancel(run);
  emit(run, {
    phase: 'scan',
    done: 0,
    total: 0,
    bytesDone: 0,
    bytesTotal: 0,
    ...(input.evidenceName ? { current: input.evidenceName } : {}),
  });
  const source = await openEvidenceSource(input.evidencePath, input.evidenceName);
  checkCancel(run);

  const byPath = new Map<string, EvidenceEntry>();
  const byName = new Map<string, EvidenceEntry[]>();
  for (const e of source.entries) {
    byPath.set(key(e.path), e);
    byName.set(key(e.name), [...(byName.get(key(e.name)) ?? []), e]);
  }
  const stored = storedEvidenceByName(db, unit.id);
  const storedByKey = new Map([...stored].map(([n, v]) => [key(n), v]));
  const resolved = new Map<
    Citation,
    { entry: EvidenceEntry } | { stored: { evidenceId: number; sha256: string } } | null
  >();
  const problems: CodedError[] = [];
  for (const it of parsed.items) {
    for (const c of it.citations) {
      const k = key(c.fileName);
      const exact = byPath.get(k);
      const named = byName.get(k) ?? [];
      const where = { sheet: SHEET, row: c.row, column: COL.evidence, header: HEADERS.evidence };
      if (exact) resolved.set(c, { entry: exact });
      else if (named.length === 1) resolved.set(c, { entry: named[0]! });
      else if (named.length > 1) {
        problems.push(
          problem(
            'INTAKE_EVIDENCE_AMBIGUOUS',
            where,
            `có ${named.length} tệp tên “${c.fileName}” (${named.map((e) => e.path).join(', ')}); hãy ghi cả thư mục.`,
          ),
        );
      } else if (storedByKey.has(k)) resolved.set(c, { stored: storedByKey.get(k)! });
      else resolved.set(c, null);
      const r = resolved.get(c);
      if (r && 'entry' in r && r.entry.size > MAX_EVIDENCE_BYTES)
        problems.push(
          problem(
            'INTAKE_EVIDENCE_TOO_LARGE',
            where,
            `tệp “${r.entry.path}” lớn hơn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
          ),
        );
      if (r && 'entry' in r && r.entry.size === 0)
        problems.push(problem('INTAKE_EVIDENCE_EMPTY', where, `tệp “${r.entry.path}” rỗng (0 byte).`));
    }
  }
  if (problems.length) throw refusal(problems);
  return {
    unit,
    target,
    workbook: { name: wbName, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length },
    items: parsed.items,
    source,
    resolved,
  };
}

/** The cited entries, each once, in source order. */
function citedEntries(p: Prepared): EvidenceEntry[] {
  const set = new Set<EvidenceEntry>();
  for (const r of p.resolved.values()) if (r && 'entry' in r) set.add(r.entry);
  return p.source.entries.filter((e) => set.has(e));
}

async function hashAll(
  entries: readonly EvidenceEntry[],
  run: IntakeRun | undefined,
  phase: 'hash' | 'store',
  each: (e: EvidenceEntry, onBytes: (n: number) => void) => Promise<string>,
): Promise<Map<EvidenceEntry, string>> {
  const out = new Map<EvidenceEntry, string>();
  const bytesTotal = entries.reduce((s, e) => s + e.size, 0);
  let bytesDone = 0;
  let last = 0;
  for (let i = 0; i < entries.length; i++) {
    checkCancel(run);
    const e = entries[i]!;
    emit(run, { phase, done: i, total: entries.length, bytesDone, bytesTotal, current: e.path });
    out.set(
      e,
      await each(e, (n) => {
        bytesDone += n;
        if (bytesDone - last > 8 * 1024 * 1024) {
          last = bytesDone;
          emit(run, { phase, done: i, total: entries.length, bytesDone, bytesTotal, current: e.path });
        }
      }),
    );
  }
  emit(run, { phase, done: entries.length, total: entries.length, bytesDone, bytesTotal });
  return out;
}

function buildPreview(
  db: Db,
  p: Prepared,
  round: 1 | 2,
  hashes: ReadonlyMap<EvidenceEntry, string> | null,
): IntakePreview {
  const items: IntakeItem[] = p.items.map((it) => {
    const differs = it.claimed !== null && (it.score === null || cmp(it.claimed, it.score) !== 0);
    return {
      code: it.code,
      title: it.node.title,
      row: it.row,
      maxPoints: it.node.maxPoints,
      kind: it.node.scoring!.kind,
      inputText: describeInput(it.node, it.input),
      score: pointsText(it.score),
      claimed: pointsText(it.claimed),
      differs,
      explanation: it.explanation,
      citations: it.citations.map((c) => {
        const r = p.resolved.get(c);
        return {
          fileName: c.fileName,
          page: c.page,
          status: r === null || r === undefined ? 'missing' : 'entry' in r ? 'found' : 'stored',
        };
      }),
      lowered: it.lowered,
    };
  });
  const score = sum(p.items.map((i) => i.score ?? ZERO));
  const anyClaimed = p.items.some((i) => i.claimed !== null);
  const claimed = anyClaimed ? sum(p.items.map((i) => i.claimed ?? i.score ?? ZERO)) : null;
  const maxPoints = p.items.reduce<Rational>((s, i) => add(s, parseDecimal(i.node.maxPoints)!), ZERO);

  const cited = citedEntries(p);
  const firstOfHash = new Map<string, string>();
  const found = cited.map((e) => {
    const sha = hashes?.get(e) ?? null;
    let duplicateOf: string | null = null;
    if (sha) {
      duplicateOf = firstOfHash.get(sha) ?? null;
      if (!duplicateOf) firstOfHash.set(sha, e.path);
    }
    return { path: e.path, size: e.size, sha256: sha, duplicateOf };
  });
  const citedSet = new Set(cited);
  const missingMap = new Map<string, { fileName: string; codes: string[]; rows: number[] }>();
  const storedNames = new Set<string>();
  for (const it of p.items) {
    for (const c of it.citations) {
      const r = p.resolved.get(c);
      if (r && 'stored' in r) storedNames.add(c.fileName);
      if (r !== null) continue;
      const m = missingMap.get(key(c.fileName)) ?? { fileName: c.fileName, codes: [], rows: [] };
      if (!m.codes.includes(it.code)) m.codes.push(it.code), m.rows.push(c.row);
      missingMap.set(key(c.fileName), m);
    }
  }
  let changes: IntakeChange[] | null = null;
  if (round === 2) {
    const before = new Map(storedRounds(db, p.unit.id).map((r) => [r.nodeCode, r]));
    const names = citedNames(db, p.unit.id);
    changes = [];
    for (const it of p.items) {
      const b = before.get(it.code);
      const beforeScore = b?.r1Score ? pointsText(deserialize(b.r1Score)) : null;
      const afterScore = pointsText(it.score);
      const beforeInput = b?.r1Input ? describeInput(it.node, JSON.parse(b.r1Input)) : '';
      const afterInput = describeInput(it.node, it.input);
      const oldCites = (names.get(it.code) ?? []).join('; ');
      const newCites = it.citations
        .map((c) => (c.page ? `${c.fileName} (tr. ${c.page})` : c.fileName))
        .sort()
        .join('; ');
      const explanationChanged = (b?.explanation ?? '') !== it.explanation;
      const evidenceChanged = oldCites !== newCites;
      if (beforeScore !== afterScore || beforeInput !== afterInput || explanationChanged || evidenceChanged) {
        changes.push({
          code: it.code,
          title: it.node.title,
          before: beforeScore,
          after: afterScore,
          beforeInput,
          afterInput,
          explanationChanged,
          evidenceChanged,
        });
      }
    }
  }
  return {
    cycleId: p.target.cycle.id,
    unitId: p.unit.id,
    unitName: p.unit.name,
    group: p.unit.group,
    round,
    workbook: p.workbook,
    evidenceSource: {
      kind: p.source.kind,
      name: p.source.name,
      files: p.source.entries.length,
      bytes: p.source.entries.reduce((s, e) => s + e.size, 0),
    },
    items,
    totals: {
      maxPoints: pointsText(maxPoints)!,
      score: pointsText(score)!,
      claimed: pointsText(claimed),
      differs: claimed !== null && cmp(claimed, score) !== 0,
      items: items.length,
    },
    files: {
      found,
      missing: [...missingMap.values()],
      notCited: p.source.entries.filter((e) => !citedSet.has(e)).map((e) => ({ path: e.path, size: e.size })),
      stored: [...storedNames].sort(),
    },
    exemptions: [
      ...new Map(
        p.items
          .filter((i) => i.loweredNode !== null)
          .map((i) => [i.loweredNode!, { code: i.loweredNode!, reason: i.lowered! }]),
      ).values(),
    ],
    changes,
    canCommit: missingMap.size === 0,
  };
}

/** Reads, checks, hashes the cited files; writes nothing. */
export async function previewDossierImport(db: Db, input: DossierImportInput, run?: IntakeRun): Promise<IntakePreview> {
  const p = await prepare(db, input, run);
  const hashes = await hashAll(citedEntries(p), run, 'hash', (e, onBytes) => hashEntry(e, run, onBytes));
  return buildPreview(db, p, input.round, hashes);
}

function missingRefusal(preview: IntakePreview): CodedFailure {
  const problems = preview.files.missing.flatMap((m) =>
    m.rows.map((row, i) =>
      problem(
        'INTAKE_EVIDENCE_MISSING',
        { sheet: SHEET, row, column: COL.evidence, header: HEADERS.evidence },
        `tài liệu “${m.fileName}” được dẫn chiếu ở tiêu chí ${m.codes[i]} nhưng không có trong tài liệu kiểm chứng gửi kèm.`,
      ),
    ),
  );
  return refusal(problems);
}

/** Preview, then (when nothing is missing) store the files and write everything in one transaction. */
export async function commitDossierImport(
  db: Db,
  dataDir: string,
  input: DossierImportInput & { readonly actor: string },
  run?: IntakeRun,
): Promise<IntakeCommitted> {
  const p = await prepare(db, input, run);
  const early = buildPreview(db, p, input.round, null);
  if (!early.canCommit) throw missingRefusal(early);

  const created: string[] = [];
  let committed = false;
  try {
    const hashes = await hashAll(citedEntries(p), run, 'store', async (e, onBytes) => {
      const r = await storeEntry(dataDir, e, run, onBytes);
      if (r.created) created.push(r.sha256);
      return r.sha256;
    });
    checkCancel(run);
    const preview = buildPreview(db, p, input.round, hashes);
    emit(run, { phase: 'write', done: 0, total: p.items.length, bytesDone: 0, bytesTotal: 0 });
    const at = new Date().toISOString();
    const result = tx(db, () => {
      const ids = new Map<string, number>();
      for (const [e, sha] of hashes) {
        if (!ids.has(sha))
          ids.set(
            sha,
            putEvidence(db, {
              cycleId: p.target.cycle.id,
              sha256: sha,
              title: e.name.replace(/\.[^.]+$/, ''),
              fileName: e.name,
              size: e.size,
              mime: mimeOf(e.name),
            }),
          );
      }
      let exemptions = 0;
      const proposed = new Set<string>();
      for (const it of p.items) {
        writeRoundItem(db, {
          unitId: p.unit.id,
          nodeCode: it.code,
          round: input.round,
          input: it.input,
          score: it.score === null ? null : serialize(it.score),
          claimed: it.claimed === null ? null : serialize(it.claimed),
          declared: it.declared,
          explanation: it.explanation,
        });
        const refs = new Map<number, { page: number | null; citedName: string }>();
        for (const c of it.citations) {
          const r = p.resolved.get(c)!;
          const id = 'entry' in r ? ids.get(hashes.get(r.entry)!)! : r.stored.evidenceId;
          if (!refs.has(id) || refs.get(id)!.page === null) refs.set(id, { page: c.page, citedName: c.fileName });
        }
        replaceItemEvidence(
          db,
          p.unit.id,
          it.code,
          [...refs].map(([evidenceId, v]) => ({ evidenceId, ...v })),
        );
        const lowers = it.loweredNode;
        if (lowers !== null && !proposed.has(lowers)) {
          proposed.add(lowers);
          if (!proposeUnitExemption(db, p.unit.id, lowers, it.lowered!, it.loweredBasis, at)) continue;
          exemptions += 1;
          appendAudit(db, {
            actor: input.actor,
            action: 'exemption.propose',
            entity: 'exemption',
            entityId: `${p.unit.id}/${lowers}`,
            after: {
              reason: it.lowered,
              legalBasis: it.loweredBasis,
              proposedBy: 'unit',
              round: input.round,
              fileSha256: p.workbook.sha256,
            },
            at,
          });
        }
      }
      const importId = insertDossierImport(db, {
        unitId: p.unit.id,
        round: input.round,
        source: 'workbook',
        fileName: p.workbook.name,
        fileSha256: p.workbook.sha256,
        items: p.items.length,
        evidenceFiles: ids.size,
        score: preview.totals.score,
        claimed: preview.totals.claimed,
        importedBy: input.actor,
        importedAt: at,
      });
      appendAudit(db, {
        actor: input.actor,
        action: 'dossier.import',
        entity: 'unit',
        entityId: p.unit.id,
        after: {
          round: input.round,
          file: p.workbook.name,
          fileSha256: p.workbook.sha256,
          items: p.items.length,
          score: preview.totals.score,
          claimed: preview.totals.claimed,
          evidence: [...hashes].map(([e, sha]) => ({ file: e.path, sha256: sha })),
          changes: preview.changes?.length ?? null,
        },
        at,
      });
      return { importId, auditRows: exemptions + 1 };
    });
    committed = true;
    emit(run, { phase: 'write', done: p.items.length, total: p.items.length, bytesDone: 0, bytesTotal: 0 });
    return { preview, importId: result.importId, newFiles: created.length, auditRows: result.auditRows };
  } finally {
    if (!committed) for (const sha of created) rmSync(evidencePath(dataDir, sha), { force: true });
  }
}
