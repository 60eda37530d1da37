/** The report's tables as CSV (RFC 4180, UTF-8 with BOM, comma separated, numbers as plain decimals "83.84", formulas neutralised). */
import { csvField as field } from '../../../shared/format/csv.ts';
import type { ExportTable } from './table-spec.ts';

export function tableCsv(t: ExportTable): string {
  const lines = [
    t.columns.map((c) => field(c.header)).join(','),
    ...t.rows.map((r) => t.columns.map((_, i) => field(r.cells[i] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
