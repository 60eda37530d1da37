/**
 * The self-assessment template of a group (see layout.ts): one row per sub-criterion of the
 * cycle's framework for the group, data validation on every input cell, the sheet protected
 * except the input cells a row's scoring kind uses, and a very hidden sheet "cchc" naming
 * the cycle, the group and the framework hash (checked when the filled workbook comes back).
 */
import type { Worksheet } from 'exceljs';
import { formatPoints } from '../../../shared/format/vi.ts';
import { parseDecimal } from '../../../shared/decimal/rational.ts';
import { SCORING_KIND_LABELS } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import {
  COL,
  FIRST_ROW,
  HEADERS,
  HEADER_ROW,
  META_SHEET,
  SHEET,
  TEMPLATE_FORMAT,
  UNIT_CELL,
  WIDTHS,
  type ColumnKey,
  choices,
  inputColumns,
  whatToEnter,
} from './layout.ts';
import { type GroupTarget, groupTarget } from './target.ts';

interface TemplateMeta {
  readonly format: string;
  readonly cycleId: string;
  readonly group: string;
  readonly frameworkHash: string;
  readonly rows: number;
}

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } as const;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } } as const;

function listFormula(items: readonly string[]): string | null {
  const text = items.join(',');
  if (items.some((i) => i.includes(',') || i.includes('"')) || text.length > 250) return null;
  return `"${text}"`;
}

function writeMeta(ws: Worksheet, meta: TemplateMeta, lists: readonly (readonly string[])[]): string[] {
  ws.state = 'veryHidden';
  ws.getCell('A1').value = 'format';
  ws.getCell('B1').value = meta.format;
  ws.getCell('A2').value = 'cycleId';
  ws.getCell('B2').value = meta.cycleId;
  ws.getCell('A3').value = 'group';
  ws.getCell('B3').value = meta.group;
  ws.getCell('A4').value = 'frameworkHash';
  ws.getCell('B4').value = meta.frameworkHash;
  ws.getCell('A5').value = 'rows';
  ws.getCell('B5').value = meta.rows;
  // Choice lists that cannot be written inline (a label with a comma): one column each from D.
  return lists.map((items, i) => {
    const col = String.fromCharCode(68 + i);
    items.forEach((v, r) => (ws.getCell(`${col}${r + 1}`).value = v));
    return `${META_SHEET}!$${col}$1:$${col}$${items.length}`;
  });
}

/** The template workbook of `group` in `cycleId`, as .xlsx bytes. */
export async function dossierTemplate(
  db: Db,
  cycleId: string,
  group: string,
): Promise<{ bytes: Buffer; target: GroupTarget; fileName: string }> {
  const target = groupTarget(db, cycleId, group);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  const meta = wb.addWorksheet(META_SHEET);

  ws.getCell('A1').value = `PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — ${target.cycle.name}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = 'Đơn vị:';
  ws.getCell('A2').font = { bold: true };
  ws.getCell(UNIT_CELL).protection = { locked: false };
  ws.getCell(UNIT_CELL).fill = INPUT_FILL;
  ws.mergeCells('C2:E2');
  ws.getCell('F2').value =
    `Nhóm: ${target.group} · Bộ tiêu chí: ${target.framework.name}${target.framework.sample ? ' (mẫu)' : ''}`;
  ws.getCell('A3').value = 'Chỉ nhập vào các ô nền vàng. Không thêm, xóa hay đổi thứ tự dòng; không sửa cột Mã.';
  ws.getCell('A3').font = { italic: true };

  const keys = Object.keys(COL) as ColumnKey[];
  const head = ws.getRow(HEADER_ROW);
  for (const k of keys) {
    const c = head.getCell(COL[k]);
    c.value = HEADERS[k];
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.alignment = { wrapText: true, vertical: 'middle' };
    ws.getColumn(COL[k]).width = WIDTHS[k];
  }

  const extraLists: string[][] = [];
  const listOf = new Map<string, string>();
  for (const n of target.leaves) {
    const items = choices(n.scoring!);
    if (items.length && listFormula(items) === null) extraLists.push([...items]);
  }
  const ranges = writeMeta(
    meta,
    { format: TEMPLATE_FORMAT, cycleId, group, frameworkHash: target.frameworkHash, rows: target.leaves.length },
    extraLists,
  );
  extraLists.forEach((items, i) => listOf.set(items.join('\u0000'), ranges[i]!));

  target.leaves.forEach((n, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    const s = n.scoring!;
    row.getCell(COL.code).value = n.code;
    row.getCell(COL.title).value = n.title;
    const max = row.getCell(COL.max);
    max.value = Number(n.maxPoints);
    max.numFmt = '0.00##';
    row.getCell(COL.kind).value = SCORING_KIND_LABELS[s.kind];
    row.getCell(COL.enter).value = whatToEnter(n);
    row.getCell(COL.guide).value = n.guide;
    row.getCell(COL.required).value = n.evidence;
    for (const k of keys) row.getCell(COL[k]).alignment = { wrapText: true, vertical: 'top' };
    const maxText = formatPoints(parseDecimal(n.maxPoints)!, 4);
    for (const k of inputColumns(s.kind)) {
      const c = row.getCell(COL[k]);
      c.protection = { locked: false };
      c.fill = INPUT_FILL;
      if (k === 'choice') {
        const items = choices(s);
        const inline = listFormula(items);
        c.dataValidation = {
          type: 'list',
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Giá trị không hợp lệ',
          error: `Chọn một trong: ${items.join('; ')}.`,
          formulae: [inline ?? `=${listOf.get(items.join('\u0000'))}`],
        };
      } else if (k === 'claimed') {
        c.dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Điểm không hợp lệ',
          error: `Điểm tự chấm phải là số từ 0 đến ${maxText}.`,
          formulae: [0, Number(n.maxPoints)],
        };
      } else if (k === 'figure1' || k === 'figure2') {
        const whole = s.kind === 'count' || s.kind === 'deduction';
        const bounded = s.kind === 'previous_year_delta';
        c.dataValidation = bounded
          ? {
              type: 'decimal',
              operator: 'between',
              allowBlank: true,
              showErrorMessage: true,
              errorTitle: 'Số liệu không hợp lệ',
              error: 'Chỉ số CCHC phải từ 0 đến 100.',
              formulae: [0, 100],
            }
          : {
              type: whole ? 'whole' : 'decimal',
              operator: 'greaterThanOrEqual',
              allowBlank: true,
              showErrorMessage: true,
              errorTitle: 'Số liệu không hợp lệ',
              error: whole ? 'Nhập một số nguyên không âm.' : 'Nhập một số không âm.',
              formulae: [0],
            };
      }
    }
  });

  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });
  await meta.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const fileName = `phieu-tu-danh-gia-${target.group}.xlsx`;
  return { bytes, target, fileName };
}
