/**
 * The "collected workbook": how a secretariat often gathers round-1 scores in Excel — one
 * row per sub-criterion code, one column of self-scores per unit. What is read (README,
 * "Bảng tổng hợp điểm tự đánh giá"):
 *
 * - the first worksheet; the header row is the first of its first 20 rows with a code
 *   column headed "Mã", "Mã tiêu chí", "Mã số", "TT", "STT" or "Code";
 * - every other header names either a unit of the cycle (compared without case or extra
 *   spaces) or a descriptive column ("Tiêu chí", "Nội dung", "Tên tiêu chí", "Tiêu chí
 *   thành phần", "Điểm tối đa", "Điểm chuẩn", "Ghi chú"), which is ignored; any other header
 *   is refused (a misspelt unit must not be lost);
 * - rows whose code is a sub-criterion of a unit's framework give that unit's score; rows of
 *   fields and criteria (subtotals), "Tổng"/"Tổng cộng" rows and blank codes are skipped; any
 *   other code is refused; a trailing dot is dropped ("1.2." = "1.2");
 * - a score cell is a number (or text such as "0,5") from 0 to the sub-criterion's maximum;
 *   blank means the unit gave no score there; survey rows are skipped.
 *
 * Only scores arrive, so nothing is recomputed: the score is stored as the unit's own; for
 * "met / not met" and timeliness sub-criteria the entry is derived from it (a score that is
 * no tier's points is refused). Commit: one transaction for every unit of the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Rational, ZERO, cmp, parseDecimal, serialize, sum } from '../../../shared/decimal/rational.ts';
import { CodedFailure, type CodedError } from '../../../shared/errors/codes.ts';
import { formatPoints } from '../../../shared/format/vi.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  type IntakeUnit,
  cycleHasReceivedPackage,
  hasRound,
  insertDossierImport,
  unitsOfCycle,
  writeRoundItem,
} from '../db/repos/intake.ts';
import { cellNumber, cellText, problem, refusal } from './cells.ts';
import { pointsText } from './describe.ts';
import { loadWorkbook } from './read-workbook.ts';
import { type GroupTarget, groupTarget, requireCycle } from './target.ts';

const CODE_HEADERS = ['mã', 'mã tiêu chí', 'mã số', 'tt', 'stt', 'code'];
const IGNORED_HEADERS = [
  'tiêu chí',
  'nội dung',
  'tên tiêu chí',
  'tiêu chí thành phần',
  'điểm tối đa',
  'điểm chuẩn',
  'ghi chú',
];
const TOTAL_ROWS = ['tổng', 'tổng cộng', 'cộng'];
const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

interface CollectedUnit {
  readonly unitId: string;
  readonly unitName: string;
  readonly group: string;
  readonly column: string;
  readonly items: number;
  readonly blanks: number;
  readonly total: string;
}

export interface CollectedPreview {
  readonly file: string;
  readonly sha256: string;
  readonly sheet: string;
  readonly round: 1 | 2;
  readonly units: readonly CollectedUnit[];
  readonly ignoredColumns: readonly string[];
  readonly skippedRows: number;
}

interface Entry {
  readonly node: FrameworkNode;
  readonly score: Rational;
  readonly input: Record<string, unknown> | null;
}

function derivedInput(node: FrameworkNode, score: Rational): Record<string, unknown> | null | 'bad' {
  const s = node.scoring!;
  const max = parseDecimal(node.maxPoints)!;
  if (s.kind === 'tick') return cmp(score, max) === 0 ? { met: true } : cmp(score, ZERO) === 0 ? { met: false } : 'bad';
  if (s.kind === 'timeliness') {
    const t = s.tiers.find((x) => cmp(parseDecimal(x.points)!, score) === 0);
    return t ? { tier: t.key } : 'bad';
  }
  return null;
}

async function read(db: Db, cycleId: string, path: string, round: 1 | 2, fileName: string) {
  const cycle = requireCycle(db, cycleId);
  if (cycle.status === 'finalised')
    throw new CodedFailure(
      'INTAKE_CYCLE_FINALISED',
      `Kỳ đánh giá “${cycle.name}” đã chốt kết quả; không nhận thêm hồ sơ tự đánh giá.`,
    );
  if (cycleHasReceivedPackage(db, cycleId))
    throw new CodedFailure(
      'INTAKE_READ_ONLY',
      'Cơ sở dữ liệu này nhận kỳ đánh giá từ cơ quan thường trực; hồ sơ chỉ được nhập tại cơ quan thường trực.',
    );
  const bytes = readFileSync(path);
  const wb = await loadWorkbook(bytes, fileName);
  const ws = wb.worksheets[0];
  if (!ws) throw new CodedFailure('INTAKE_COLLECTED_LAYOUT', `Tệp “${fileName}” không có trang tính nào.`);
  const sheet = ws.name;
  let headerRow = 0;
  let codeCol = 0;
  for (let r = 1; r <= Math.min(20, ws.rowCount) && !headerRow; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (CODE_HEADERS.includes(norm(cellText(ws.getCell(r, c).value)))) {
        headerRow = r;
        codeCol = c;
        break;
      }
    }
  }
  if (!headerRow)
    throw new CodedFailure(
      'INTAKE_COLLECTED_LAYOUT',
      `Trang “${sheet}”: không tìm thấy dòng tiêu đề có cột mã tiêu chí (“Mã”, “Mã tiêu chí”, “TT”, “STT”) trong 20 dòng đầu.`,
      { sheet },
    );

  const units = unitsOfCycle(db, cycleId);
  const byName = new Map(units.map((u) => [norm(u.name), u]));
  const targets = new Map<string, GroupTarget>();
  const columns: { col: number; unit: IntakeUnit; target: GroupTarget }[] = [];
  const ignored: string[] = [];
  const problems: CodedError[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    if (c === codeCol) continue;
    const h = cellText(ws.getCell(headerRow, c).value);
    if (!h) continue;
    const u = byName.get(norm(h));
    if (u) {
      if (columns.some((x) => x.unit.id === u.id)) {
        problems.push(
          problem(
            'INTAKE_COLLECTED_DUPLICATE_UNIT',
            { sheet, row: headerRow, column: c },
            `đơn vị “${u.name}” có hai cột.`,
          ),
        );
        continue;
      }
      let t = targets.get(u.group);
      if (!t) targets.set(u.group, (t = groupTarget(db, cycleId, u.group)));
      if (round === 2 && !hasRound(db, u.id, 1))
        problems.push(
          problem(
            'INTAKE_ROUND1_MISSING',
            { sheet, row: headerRow, column: c },
            `đơn vị “${u.name}” chưa có hồ sơ tự đánh giá lần 1.`,
          ),
        );
      columns.push({ col: c, unit: u, target: t });
    } else if (IGNORED_HEADERS.includes(norm(h))) ignored.push(h);
    else
      problems.push(
        problem(
          'INTAKE_UNIT_UNKNOWN',
          { sheet, row: headerRow, column: c },
          `“${h}” không phải tên một đơn vị của kỳ đánh giá “${cycle.name}” (cũng không phải cột mô tả như “Tiêu chí”, “Điểm tối đa”, “Ghi chú”).`,
        ),
      );
  }
  if (columns.length === 0 && problems.length === 0) {
    problems.push(
      problem(
        'INTAKE_COLLECTED_LAYOUT',
        { sheet, row: headerRow, column: codeCol },
        'không có cột nào mang tên một đơn vị của kỳ đánh giá.',
      ),
    );
  }
  if (problems.length) throw refusal(problems);

  const entries = new Map<string, Entry[]>(columns.map((x) => [x.unit.id, []]));
  const blanks = new Map<string, number>(columns.map((x) => [x.unit.id, 0]));
  let skipped = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const raw = cellText(ws.getCell(r, codeCol).value).replace(/\.$/, '');
    if (!raw || TOTAL_ROWS.includes(norm(raw))) {
      skipped += 1;
      continue;
    }
    let known = false;
    for (const { col, unit, target } of columns) {
      const node = target.framework.nodes.find((n) => n.code === raw);
      if (node) known = true;
      const leaf = node ? target.leaves.find((l) => l.code === raw) : undefined;
      const where = { sheet, row: r, column: col, header: unit.name };
      const v = cellNumber(ws.getCell(r, col).value);
      if (!leaf || leaf.scoring!.kind === 'survey') {
        if (!node && v.ok && v.value !== null)
          problems.push(
            problem(
              'INTAKE_COLLECTED_CODE',
              where,
              `mã “${raw}” không có trong bộ tiêu chí của nhóm “${unit.group}” mà đơn vị “${unit.name}” thuộc về.`,
            ),
          );
        continue;
      }
      if (!v.ok) {
        problems.push(problem('INTAKE_NOT_A_NUMBER', where, `“${v.text}” không phải là một số.`));
        continue;
      }
      if (v.value === null) {
        blanks.set(unit.id, blanks.get(unit.id)! + 1);
        continue;
      }
      const max = parseDecimal(leaf.maxPoints)!;
      if (cmp(v.value, max) > 0) {
        problems.push(
          problem(
            'INTAKE_SCORE_ABOVE_MAX',
            where,
            `điểm ${formatPoints(v.value, 4)} lớn hơn điểm tối đa ${formatPoints(max, 4)} của tiêu chí ${leaf.code}.`,
          ),
        );
        continue;
      }
      if (v.value.n < 0n) {
        problems.push(problem('INTAKE_NOT_A_NUMBER', where, 'điểm không được là số âm.'));
        continue;
      }
      const input = derivedInput(leaf, v.value);
      if (input === 'bad') {
        problems.push(
          problem(
            'INTAKE_INPUT_INVALID',
            where,
            `điểm ${formatPoints(v.value, 4)} không ứng với mức nào của tiêu chí ${leaf.code} (${leaf.scoring!.kind === 'tick' ? `0 hoặc ${formatPoints(max, 4)}` : 'các mức của hướng dẫn chấm'}).`,
          ),
        );
        continue;
      }
      entries.get(unit.id)!.push({ node: leaf, score: v.value, input });
    }
    if (!known) {
      problems.push(
        problem(
          'INTAKE_COLLECTED_CODE',
          { sheet, row: r, column: codeCol },
          `mã “${raw}” không có trong bộ tiêu chí của đơn vị nào trong bảng.`,
        ),
      );
    }
  }
  if (problems.length) throw refusal(problems);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const preview: CollectedPreview = {
    file: fileName,
    sha256,
    sheet,
    round,
    units: columns.map(({ col, unit }) => ({
      unitId: unit.id,
      unitName: unit.name,
      group: unit.group,
      column: ws.getColumn(col).letter,
      items: entries.get(unit.id)!.length,
      blanks: blanks.get(unit.id)!,
      total: pointsText(sum(entries.get(unit.id)!.map((e) => e.score)))!,
    })),
    ignoredColumns: ignored,
    skippedRows: skipped,
  };
  return { preview, entries };
}

export async function previewCollectedWorkbook(
  db: Db,
  cycleId: string,
  path: string,
  round: 1 | 2,
  fileName = basename(path),
): Promise<CollectedPreview> {
  return (await read(db, cycleId, path, round, fileName)).preview;
}

export async function commitCollectedWorkbook(
  db: Db,
  cycleId: string,
  path: string,
  round: 1 | 2,
  actor: string,
  fileName = basename(path),
): Promise<CollectedPreview> {
  const { preview, entries } = await read(db, cycleId, path, round, fileName);
  const at = new Date().toISOString();
  tx(db, () => {
    for (const u of preview.units) {
      for (const e of entries.get(u.unitId)!) {
        const s = serialize(e.score);
        writeRoundItem(db, {
          unitId: u.unitId,
          nodeCode: e.node.code,
          round,
          input: e.input,
          score: s,
          claimed: s,
          declared: null,
          explanation: '',
        });
      }
      insertDossierImport(db, {
        unitId: u.unitId,
        round,
        source: 'collected',
        fileName,
        fileSha256: preview.sha256,
        items: u.items,
        evidenceFiles: 0,
        score: u.total,
        claimed: u.total,
        importedBy: actor,
        importedAt: at,
      });
      appendAudit(db, {
        actor,
        action: 'dossier.import-collected',
        entity: 'unit',
        entityId: u.unitId,
        after: { round, file: fileName, fileSha256: preview.sha256, column: u.column, items: u.items, total: u.total },
        at,
      });
    }
  });
  return preview;
}
