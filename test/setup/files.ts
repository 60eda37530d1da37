/** Generated set-up files: a units list of 120 communes and 20 departments (.xlsx and .csv), a roster (.csv, .xlsx). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMMUNES = Array.from({ length: 120 }, (_, i) =>
  i % 3 === 2 ? `UBND phường ${i + 1}` : `UBND xã Số ${i + 1}`,
);
export const DEPARTMENTS = Array.from({ length: 20 }, (_, i) => `Sở Ngành ${String.fromCharCode(65 + i)}`);

/** Rows: header + 140 units (or the ones given); groups written as label, code or short label in turn. */
export function unitRows(
  communes: readonly string[] = COMMUNES,
  departments: readonly string[] = DEPARTMENTS,
): string[][] {
  const rows = [['STT', 'Đơn vị', 'Nhóm', 'Tên ngắn', 'Thủ trưởng', 'Liên hệ']];
  departments.forEach((d, i) =>
    rows.push([
      String(i + 1),
      d,
      i % 2 ? 'department' : 'Sở, ban, ngành tỉnh',
      `S${i + 1}`,
      `Giám đốc ${i + 1}`,
      `so${i + 1}@tinh.gov.vn`,
    ]),
  );
  communes.forEach((c, i) =>
    rows.push([
      String(departments.length + 1 + i),
      c,
      ['UBND xã, phường, đặc khu', 'commune', 'Cấp xã'][i % 3]!,
      '',
      `Chủ tịch ${i + 1}`,
      '',
    ]),
  );
  return rows;
}

function csvText(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function writeXlsx(path: string, rows: readonly (readonly string[])[]): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow([...r]);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

export function writeCsv(dir: string, name: string, rows: readonly (readonly string[])[]): string {
  const p = join(dir, name);
  writeFileSync(p, csvText(rows));
  return p;
}

export function rosterRows(): string[][] {
  return [
    ['name', 'position', 'agency', 'role', 'fields'],
    ['Trần Văn Chủ', 'Phó Chủ tịch UBND tỉnh', 'UBND tỉnh', 'Chủ tịch', ''],
    ['Lê Thị Phó', 'Giám đốc Sở Nội vụ', 'Sở Nội vụ', 'vice-chair', '1'],
    ['Nguyễn Văn Một', 'Phó Giám đốc', 'Sở Tư pháp', 'member', '2, 3'],
    ['Phạm Thị Hai', 'Phó Giám đốc', 'Sở Tài chính', 'Thành viên', '4;5'],
    ['Hồ Văn Ba', 'Phó Giám đốc', 'Sở Khoa học và Công nghệ', 'member', '6 7 8'],
    ['Võ Thị Thư', 'Trưởng phòng CCHC', 'Sở Nội vụ', 'Thư ký', ''],
  ];
}
