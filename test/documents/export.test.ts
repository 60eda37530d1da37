import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { DETAIL_SHEET_ROWS } from '../../electron/core/export/document-tables.ts';
import { cycleJson, cycleXlsx, exportCsv, exportXlsx } from '../../electron/core/export/export.ts';
import { importPreviousResults } from '../../electron/core/report/previous.ts';
import { cycleReport } from '../../electron/core/report/report.ts';
import { parseCsv } from '../../electron/core/summary/csv.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb } from '../report/demo-db.ts';
import { FIXTURES } from '../report/fixture.ts';

const C = DEMO_CYCLE_ID;

describe('exports: xlsx, csv and json read back', () => {
  const temp = tempDirs('cchc-export-');
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    dir = temp();
    db = demoDb(dir).db;
    await importPreviousResults(db, C, [join(FIXTURES, 'summary-districts.csv')], { commit: true });
  });
  afterAll(() => db.close());

  it('writes every table with numbers as numbers and Vietnamese display formats', async () => {
    const path = join(dir, 'ket-qua.xlsx');
    const r = await exportXlsx(db, C, path);
    expect(r.sheets).toEqual([
      'Tổng hợp xếp nhóm',
      'KQ Sở, ban, ngành',
      'LV Sở, ban, ngành',
      'KQ UBND cấp huyện',
      'LV UBND cấp huyện',
      'KQ ĐVSN công lập',
      'LV ĐVSN công lập',
      'KQ Cơ quan TW',
      'LV Cơ quan TW',
      'Thống kê',
      'Thống kê lĩnh vực',
      'Tiêu chí chưa đạt',
      'Hạ điểm chuẩn',
      'Nhận xét',
      'Chi tiết',
    ]);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(r.sheets);
    const report = cycleReport(db, C);
    const districts = report.groups.find((g) => g.group === 'district')!;

    const ws = wb.getWorksheet('KQ UBND cấp huyện')!;
    // the demo cycle is not finalised: every table says the figures are provisional
    expect(ws.getCell('A1').value).toBe(
      'Kết quả Chỉ số CCHC năm 2023: UBND cấp huyện — TẠM TÍNH (Hội đồng chưa chốt kết quả)',
    );
    expect(wb.worksheets.every((w) => String(w.getCell('A1').value).includes('TẠM TÍNH'))).toBe(true);
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 10)).toEqual([
      'STT',
      'Đơn vị',
      'Điểm chuẩn tối đa',
      'Điểm tự đánh giá',
      'Khảo sát CBCCVC',
      'Chỉ số SIPAS',
      'Tổng điểm đạt được',
      'Chỉ số CCHC 2023 (%)',
      'Chỉ số 2022 (%)',
      'Tăng, giảm',
    ]);
    districts.rows.forEach((row, i) => {
      const x = ws.getRow(i + 3);
      expect(x.getCell(2).value).toBe(row.unit);
      const nums = [1, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => x.getCell(c).value);
      for (const v of nums) expect(typeof v).toBe('number');
      expect(nums).toEqual([
        row.stt,
        ...[
          row.benchmark,
          row.selfAssessed,
          row.surveyCbccvc,
          row.surveySipas,
          row.total,
          row.index,
          row.previousIndex!,
          row.change!,
        ].map(Number),
      ]);
      expect(x.getCell(3).numFmt).toBe('#,##0.00');
      expect(x.getCell(10).numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
      expect(x.getCell(1).numFmt).toBe('#,##0');
    });
    const avg = ws.getRow(districts.rows.length + 3);
    expect(avg.getCell(2).value).toBe('TRUNG BÌNH');
    expect(avg.getCell(8).value).toBe(Number(districts.average.index));
    expect(avg.font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(2).value).toBe('UBND huyện Mỹ Xuyên');
    expect(ws.getRow(3).getCell(8).value).toBe(83.84);

    const all = wb.getWorksheet('Tổng hợp xếp nhóm')!;
    expect(all.rowCount).toBe(2 + 40);
    expect(all.getRow(3).getCell(4).value).toBe(Number(report.units[0]!.index));

    const fields = wb.getWorksheet('LV UBND cấp huyện')!;
    // LV1 maximum, points, percent for Mỹ Xuyên: 13,5 / 11,29 / 83,63
    expect([
      fields.getRow(3).getCell(3).value,
      fields.getRow(3).getCell(4).value,
      fields.getRow(3).getCell(5).value,
    ]).toEqual([13.5, 11.29, 83.63]);

    const detail = wb.getWorksheet('Chi tiết')!;
    expect(detail.rowCount).toBeGreaterThan(40 * 50);
    const stats = wb.getWorksheet('Thống kê')!;
    expect(stats.getRow(4).getCell(1).value).toBe('UBND cấp huyện');
    expect(stats.getRow(4).getCell(8).value).toBe(Number(districts.stats.spread));
  });

  it('splits the drill-down over sheets within the row limit, each unit whole in one sheet', async () => {
    // The default limit stays within a worksheet's 1,048,576 rows, with room for the headings.
    expect(DETAIL_SHEET_ROWS + 10).toBeLessThanOrEqual(1_048_576);
    const whole = await cycleXlsx(db, C);
    const split = await cycleXlsx(db, C, { detailSheetRows: 1500 });
    const { default: ExcelJS } = await import('exceljs');
    const read = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as never);
      return wb;
    };
    const one = (await read(whole.bytes)).getWorksheet('Chi tiết')!;
    const wb = await read(split.bytes);
    const parts = split.sheets.filter((s) => s.startsWith('Chi tiết'));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts).toEqual(parts.map((_, i) => `Chi tiết ${i + 1}`));
    const unitsOf = (ws: import('exceljs').Worksheet) => {
      const names: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) names.push(String(row.getCell(1).value));
      });
      return names;
    };
    const all: string[] = [];
    const seen = new Set<string>();
    for (const [i, name] of parts.entries()) {
      const ws = wb.getWorksheet(name)!;
      expect(String(ws.getCell('A1').value)).toContain(`(phần ${i + 1}/${parts.length})`);
      const names = unitsOf(ws);
      expect(names.length).toBeLessThanOrEqual(1500);
      // No unit continues from the sheet before.
      for (const u of new Set(names)) expect(seen.has(u), u).toBe(false);
      for (const u of names) seen.add(u);
      all.push(...names);
    }
    expect(all).toEqual(unitsOf(one));
  });

  it('writes one CSV per table (UTF-8 with BOM, plain decimals) and JSON', async () => {
    const files = await exportCsv(db, C, join(dir, 'csv'), { detail: false });
    expect(files.map((f) => f.split('/').pop())).toContain('ket-qua-ubnd-cap-huyen.csv');
    const text = readFileSync(join(dir, 'csv', 'ket-qua-ubnd-cap-huyen.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]!.fields.slice(0, 3)).toEqual(['STT', 'Đơn vị', 'Điểm chuẩn tối đa']);
    expect(rows[1]!.fields.slice(0, 8)).toEqual([
      '1',
      'UBND huyện Mỹ Xuyên',
      '94.00',
      '51.34',
      '13.13',
      '14.34',
      '78.81',
      '83.84',
    ]);
    const json = JSON.parse(cycleJson(db, C));
    expect(json.report.units).toHaveLength(40);
    expect(json.narrative[0].key).toBe('overall');
    expect(json.charts.indicesByGroup).toHaveLength(4);
    expect(json.charts.yearOnYear.map((c: { key: string }) => c.key)).toEqual(['yoy.district']);
  });
});
