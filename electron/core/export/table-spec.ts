/**
 * A table as the exports take it (columns with a type, rows of text and decimal text), and the stamp every title
 * gets: provisional or final.
 */
import type { Report } from '../../../shared/report/types.ts';

/** text; int (whole number); dec (points, index: 2 decimals shown); change (signed 2 decimals); exact (up to 6 decimals). */
export type ColumnType = 'text' | 'int' | 'dec' | 'change' | 'exact';

export interface ExportColumn {
  readonly header: string;
  readonly type: ColumnType;
  readonly width?: number;
}

export type ExportCell = string | number | null;

export interface ExportRow {
  readonly cells: readonly ExportCell[];
  /** A total / average row (bold). */
  readonly total?: boolean;
  /** A heading row inside the table (field, criterion). */
  readonly heading?: boolean;
}

export interface ExportTable {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  readonly sheet: string;
  /** CSV file name without extension (ASCII). */
  readonly file: string;
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly ExportRow[];
}

export const col = (header: string, type: ColumnType, width?: number): ExportColumn =>
  width ? { header, type, width } : { header, type };

/**
 * Every table's title says whether the results are final: "TẠM TÍNH" until the cycle is
 * finalised, then the snapshot's hash.
 */
export function stampTables(tables: readonly ExportTable[], report: Report): ExportTable[] {
  const st = report.status;
  const stamp = st.finalised
    ? ` — Đã chốt; mã kiểm tra (SHA-256): ${st.snapshotHash ?? ''}`
    : ` — TẠM TÍNH (Hội đồng chưa chốt kết quả${st.unresolvedConflicts > 0 ? `; còn ${st.unresolvedConflicts} tiêu chí thành phần chưa thống nhất` : ''})`;
  return tables.map((t) => ({ ...t, title: `${t.title}${stamp}` }));
}
