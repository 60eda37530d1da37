/**
 * Before a dossier import writes anything: the unit and its target, the workbook read and checked, the cited files
 * found in the evidence source and hashed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CodedFailure, type CodedError } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import { type IntakeUnit, cycleHasReceivedPackage, hasRound, storedEvidenceByName } from '../db/repos/intake.ts';
import { MAX_EVIDENCE_BYTES } from '../evidence/files.ts';
import { problem, refusal } from './cells.ts';
import { type EvidenceEntry, type EvidenceSource, openEvidenceSource } from './evidence-source.ts';
import { COL, HEADERS, SHEET } from './layout.ts';
import { type IntakeProgress, type IntakeRun, checkCancel } from './progress.ts';
import type { Citation } from './read-row.ts';
import { type ParsedItem, parseDossierWorkbook } from './read-workbook.ts';
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

export interface Prepared {
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

export function emit(run: IntakeRun | undefined, p: IntakeProgress): void {
  run?.onProgress?.(p);
}

/** File names compared as a person reads them: NFC, Vietnamese lower case. */
export const fileNameKey = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

export async function prepare(db: Db, input: DossierImportInput, run: IntakeRun | undefined): Promise<Prepared> {
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
    byPath.set(fileNameKey(e.path), e);
    byName.set(fileNameKey(e.name), [...(byName.get(fileNameKey(e.name)) ?? []), e]);
  }
  const stored = storedEvidenceByName(db, unit.id);
  const storedByKey = new Map([...stored].map(([n, v]) => [fileNameKey(n), v]));
  const resolved = new Map<
    Citation,
    { entry: EvidenceEntry } | { stored: { evidenceId: number; sha256: string } } | null
  >();
  const problems: CodedError[] = [];
  for (const it of parsed.items) {
    for (const c of it.citations) {
      const k = fileNameKey(c.fileName);
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
export function citedEntries(p: Prepared): EvidenceEntry[] {
  const set = new Set<EvidenceEntry>();
  for (const r of p.resolved.values()) if (r && 'entry' in r) set.add(r.entry);
  return p.source.entries.filter((e) => set.has(e));
}

export async function hashAll(
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
