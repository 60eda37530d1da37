/**
 * Reads a filled self-assessment workbook (layout.ts) against the framework it must come
 * from. Refuses, naming sheet, row and column: another cycle, group or framework hash; an
 * edited structure (rows added, removed or reordered, codes, titles or maxima changed);
 * text in number cells; a score above the maximum; inputs that do not fit the scoring kind;
 * a lowered benchmark proposed where the framework allows none. Every self-score is
 * recomputed from the declared inputs (shared/scoring/score.ts).
 */
import type { Workbook } from 'exceljs';
import { INTAKE_ERRORS } from '../../../shared/errors/catalogue.ts';
import { type Rational, cmp, parseDecimal } from '../../../shared/decimal/rational.ts';
import { CodedFailure, type CodedError } from '../../../shared/errors/codes.ts';
import { formatPoints } from '../../../shared/format/vi.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { cellNumber, cellText, problem, refusal } from './cells.ts';
import { COL, FIRST_ROW, HEADERS, SHEET, inputColumns } from './layout.ts';
import type { GroupTarget } from './target.ts';
import { type LiteWorkbook, readXlsxLite } from './xlsx-lite.ts';
import { checkMeta } from './read-meta.ts';
import { type Citation, fieldColumn, parseCitations, readInputs, whereIn } from './read-row.ts';

export interface ParsedItem {
  readonly code: string;
  readonly row: number;
  readonly node: FrameworkNode;
  /** The input for scoreNode, null when the unit entered none (a lowered benchmark proposed). */
  readonly input: Record<string, unknown> | null;
  readonly score: Rational | null;
  readonly claimed: Rational | null;
  readonly declared: Readonly<Record<string, string>> | null;
  readonly explanation: string;
  readonly citations: readonly Citation[];
  /** The reason of a lowered benchmark the unit proposes on this row, else null. */
  readonly lowered: string | null;
  /**
   * The node the proposal lowers: the sub-criterion itself when the framework allows it there,
   * else its nearest criterion that allows it (a whole criterion, e.g. legal drafting, has no row of its own).
   */
  readonly loweredNode: string | null;
  /** The legal basis the unit cites after “Căn cứ:” in the same cell ('' when none). */
  readonly loweredBasis: string;
}

/** “reason … Căn cứ: basis” → [reason, basis]. */
function splitLowered(text: string): [string, string] {
  const m = /(?:^|[\s;.,])căn cứ\s*:\s*/iu.exec(text);
  if (!m || m.index === 0) return [text, ''];
  return [text.slice(0, m.index).replace(/[\s;,]+$/u, ''), text.slice(m.index + m[0].length).trim()];
}

/** The node a proposal on `node` lowers (itself or its nearest exemptable ancestor of the group), or null. */
function exemptableTarget(
  byCode: ReadonlyMap<string, FrameworkNode>,
  node: FrameworkNode,
  group: string,
): string | null {
  for (let n: FrameworkNode | undefined = node; n; n = n.parent ? byCode.get(n.parent) : undefined)
    if (n.exemptable && (n.groups as readonly string[]).includes(group)) return n.code;
  return null;
}

export interface ParsedDossier {
  readonly unitCell: string;
  readonly items: readonly ParsedItem[];
}

export async function loadWorkbook(bytes: Buffer, fileName: string): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new CodedFailure(
      INTAKE_ERRORS.UNREADABLE,
      `Tệp “${fileName}” không phải là tệp Excel (.xlsx) hợp lệ hoặc bị hỏng.`,
      { file: fileName },
    );
  }
  return wb;
}

/** Parses and checks the workbook; throws one CodedFailure listing every problem found. */
export async function parseDossierWorkbook(
  bytes: Buffer,
  fileName: string,
  target: GroupTarget,
  unitName: string | null,
): Promise<ParsedDossier> {
  let wb: LiteWorkbook;
  try {
    wb = readXlsxLite(bytes);
  } catch {
    throw new CodedFailure(
      INTAKE_ERRORS.UNREADABLE,
      `Tệp “${fileName}” không phải là tệp Excel (.xlsx) hợp lệ hoặc bị hỏng.`,
      { file: fileName },
    );
  }
  checkMeta(wb, fileName, target);
  const ws = wb.sheet(SHEET);
  if (!ws)
    throw new CodedFailure(
      INTAKE_ERRORS.STRUCTURE,
      `Tệp “${fileName}” không có trang “${SHEET}” (trang đã bị đổi tên hoặc xóa).`,
      { file: fileName, sheet: SHEET },
    );

  // Structure: exactly the framework's sub-criteria, in order, codes, titles and maxima unchanged, nothing below.
  const expected = target.leaves;
  for (let i = 0; i < expected.length; i++) {
    const row = FIRST_ROW + i;
    const n = expected[i]!;
    const code = cellText(ws.cell(row, COL.code));
    if (code !== n.code) {
      const what =
        code === ''
          ? `thiếu dòng của tiêu chí ${n.code} (dòng đã bị xóa hoặc mã bị xóa).`
          : `mã “${code}” ở vị trí của tiêu chí ${n.code} (dòng đã bị thêm, xóa, đổi thứ tự hoặc sửa mã).`;
      throw refusal([problem(INTAKE_ERRORS.STRUCTURE, whereIn(row, 'code'), what)]);
    }
    if (cellText(ws.cell(row, COL.title)) !== n.title.trim())
      throw refusal([problem(INTAKE_ERRORS.STRUCTURE, whereIn(row, 'title'), `tên tiêu chí ${n.code} đã bị sửa.`)]);
    const max = cellNumber(ws.cell(row, COL.max));
    if (!max.ok || max.value === null || cmp(max.value, parseDecimal(n.maxPoints)!) !== 0) {
      throw refusal([
        problem(
          INTAKE_ERRORS.STRUCTURE,
          whereIn(row, 'max'),
          `điểm tối đa của tiêu chí ${n.code} đã bị sửa (phải là ${formatPoints(parseDecimal(n.maxPoints)!, 4)}).`,
        ),
      ]);
    }
  }
  const after = FIRST_ROW + expected.length;
  for (let row = after; row <= Math.max(ws.rowCount, after); row++) {
    for (let c = 1; c <= COL.lowered; c++) {
      if (cellText(ws.cell(row, c)) !== '') {
        throw refusal([
          problem(
            INTAKE_ERRORS.STRUCTURE,
            { sheet: SHEET, row, column: c },
            `có nội dung dưới dòng cuối của phiếu (dòng đã bị thêm; phiếu có ${expected.length} tiêu chí).`,
          ),
        ]);
      }
    }
  }

  const unitCell = cellText(ws.cell(2, 3)); // UNIT_CELL
  const problems: CodedError[] = [];
  if (
    unitName !== null &&
    unitCell !== '' &&
    unitCell.normalize('NFC').toLocaleLowerCase('vi') !== unitName.normalize('NFC').toLocaleLowerCase('vi')
  ) {
    problems.push(
      problem(
        INTAKE_ERRORS.UNIT_MISMATCH,
        { sheet: SHEET, row: 2, column: 3, header: 'Đơn vị' },
        `phiếu ghi đơn vị “${unitCell}”, không phải “${unitName}”.`,
      ),
    );
  }

  const items: ParsedItem[] = [];
  const byCode = new Map(target.framework.nodes.map((n) => [n.code, n]));
  expected.forEach((node, i) => {
    const row = FIRST_ROW + i;
    const s = node.scoring!;
    if (s.kind === 'survey') return;
    const before = problems.length;
    const { input, declared } = readInputs(ws, row, node, problems);
    const claimedCell = cellNumber(ws.cell(row, COL.claimed));
    let claimed: Rational | null = null;
    if (!claimedCell.ok)
      problems.push(
        problem(INTAKE_ERRORS.NOT_A_NUMBER, whereIn(row, 'claimed'), `“${claimedCell.text}” không phải là một số.`),
      );
    else if (claimedCell.value !== null) {
      claimed = claimedCell.value;
      const max = parseDecimal(node.maxPoints)!;
      if (cmp(claimed, max) > 0)
        problems.push(
          problem(
            INTAKE_ERRORS.ABOVE_MAX,
            whereIn(row, 'claimed'),
            `điểm tự chấm ${formatPoints(claimed, 4)} lớn hơn điểm tối đa ${formatPoints(max, 4)} của tiêu chí ${node.code}.`,
          ),
        );
      else if (claimed.n < 0n)
        problems.push(
          problem(INTAKE_ERRORS.NOT_A_NUMBER, whereIn(row, 'claimed'), 'điểm tự chấm không được là số âm.'),
        );
    }
    const loweredText = cellText(ws.cell(row, COL.lowered)) || null;
    const [lowered, loweredBasis] = loweredText === null ? [null, ''] : splitLowered(loweredText);
    const loweredNode = lowered === null ? null : exemptableTarget(byCode, node, target.group);
    if (lowered !== null && loweredNode === null) {
      problems.push(
        problem(
          INTAKE_ERRORS.NOT_EXEMPTABLE,
          whereIn(row, 'lowered'),
          `tiêu chí ${node.code} không thuộc diện được hạ điểm chuẩn theo bộ tiêu chí.`,
        ),
      );
    }
    const citations = parseCitations(cellText(ws.cell(row, COL.evidence)), whereIn(row, 'evidence'), problems);
    let score: Rational | null = null;
    if (problems.length === before) {
      if (input === null) {
        if (lowered === null) {
          const col = inputColumns(s.kind)[0]!;
          problems.push(
            problem(
              INTAKE_ERRORS.INPUT_MISSING,
              whereIn(row, col),
              `chưa nhập kết quả tự đánh giá của tiêu chí ${node.code} (${HEADERS[col]}), cũng không đề xuất hạ điểm chuẩn.`,
            ),
          );
        }
      } else {
        const scored = scoreNode(s, node.maxPoints, input);
        if (scored.ok) score = scored.value;
        else
          problems.push(
            problem(
              INTAKE_ERRORS.INPUT_INVALID,
              whereIn(row, fieldColumn(s.kind, scored.error.details?.['field'])),
              scored.error.message,
            ),
          );
      }
    }
    items.push({
      code: node.code,
      row,
      node,
      input,
      score,
      claimed,
      declared,
      explanation: cellText(ws.cell(row, COL.explanation)),
      citations,
      lowered,
      loweredNode,
      loweredBasis,
    });
  });
  if (problems.length) throw refusal(problems);
  return { unitCell, items };
}
