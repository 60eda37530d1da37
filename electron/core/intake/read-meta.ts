/** The workbook's meta sheet: it must come from this cycle's template for the unit's group and framework. */
import { INTAKE_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { cellText } from './cells.ts';
import { META_SHEET, TEMPLATE_FORMAT } from './layout.ts';
import type { GroupTarget } from './target.ts';
import type { LiteSheet, LiteWorkbook } from './xlsx-lite.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';

function metaValue(ws: LiteSheet, row: number): string {
  return cellText(ws.cell(row, 2));
}

export function checkMeta(wb: LiteWorkbook, fileName: string, target: GroupTarget): void {
  const meta = wb.sheet(META_SHEET);
  const at = (row: number, what: string, code: ErrorCode) =>
    new CodedFailure(code, `Trang “${META_SHEET}” (ẩn), dòng ${row}, cột B: ${what}`, {
      sheet: META_SHEET,
      row,
      column: 'B',
      file: fileName,
    });
  if (!meta || metaValue(meta, 1) !== TEMPLATE_FORMAT) {
    throw new CodedFailure(
      INTAKE_ERRORS.NOT_TEMPLATE,
      `Tệp “${fileName}” không phải phiếu tự đánh giá do ứng dụng tạo (thiếu trang ẩn “${META_SHEET}”). Hãy dùng mẫu phiếu của kỳ đánh giá.`,
      { file: fileName },
    );
  }
  if (metaValue(meta, 2) !== target.cycle.id)
    throw at(
      2,
      `phiếu thuộc kỳ đánh giá “${metaValue(meta, 2)}”, không phải kỳ “${target.cycle.id}”.`,
      INTAKE_ERRORS.WRONG_CYCLE,
    );
  if (metaValue(meta, 3) !== target.group)
    throw at(
      3,
      `phiếu dành cho nhóm “${metaValue(meta, 3)}”, đơn vị thuộc nhóm “${target.group}”.`,
      INTAKE_ERRORS.WRONG_GROUP,
    );
  if (metaValue(meta, 4) !== target.frameworkHash) {
    throw at(
      4,
      `mã băm bộ tiêu chí của phiếu (${metaValue(meta, 4).slice(0, 12)}…) khác bộ tiêu chí của kỳ (${target.frameworkHash.slice(0, 12)}…). Hãy tải mẫu phiếu mới.`,
      INTAKE_ERRORS.FRAMEWORK_HASH,
    );
  }
}
