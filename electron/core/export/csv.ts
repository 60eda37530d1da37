/** The report's tables as CSV (RFC 4180, UTF-8 with BOM, comma separated, numbers as plain decimals "83.84"). */
import type { ExportCell, ExportTable } from './tables.ts';

function field(v: ExportCell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => field(c.header)).join(','), ...t.rows.map((r) => t.columns.map((_, i) => field(r.cells[i] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
