import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { CodedFailure, type Result } from '../../shared/errors/codes.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUPS_2023 as UNIT_GROUPS } from '../../shared/framework/groups.ts';
import type { Framework } from '../../shared/framework/types.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { frameworkHash } from '../../electron/core/framework/hash.ts';
import { SHEET_INFO, SHEET_NODES } from '../../electron/core/framework/file-schema.ts';
import {
  frameworkToJson,
  parseFrameworkJson,
  readFrameworkJsonFile,
  writeFrameworkJsonFile,
} from '../../electron/core/framework/json-file.ts';
import { frameworkToXlsx, writeFrameworkXlsxFile } from '../../electron/core/framework/xlsx-write.ts';
import { parseFrameworkXlsx, readFrameworkXlsxFile } from '../../electron/core/framework/xlsx-read.ts';
import { FRAMEWORK_IMPORT_ERRORS } from '../../shared/errors/catalogue.ts';

const fws = loadDefaultFrameworks();
const dir = mkdtempSync(join(tmpdir(), 'cchc-fw-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function editXlsx(f: Framework, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await frameworkToXlsx(f)) as unknown as ExcelJS.Buffer);
  edit(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return r;
  throw new Error(`no row ${code}`);
}

/** A reader's outcome as data: its value, or the coded refusal it threw. */
async function attempt<T>(read: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    if (e instanceof CodedFailure) return { ok: false, error: e.toCoded() };
    throw e;
  }
}

describe('framework xlsx', () => {
  it('round-trips every default framework through a file with the same hash', async () => {
    for (const g of UNIT_GROUPS) {
      const path = join(dir, `${g}.xlsx`);
      await writeFrameworkXlsxFile(path, fws[g]);
      const back = await attempt(async () => readFrameworkXlsxFile(path));
      if (!back.ok) throw new Error(back.error.message);
      expect(frameworkHash(back.value)).toBe(frameworkHash(fws[g]));
    }
  });

  it('writes Vietnamese headers, numbers with a display format and an info sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'department.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET_NODES)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã',
      'Mã cha',
      'Tên tiêu chí',
      'Điểm tối đa',
      'Cách chấm',
      'Tham số',
      'Nhóm đơn vị',
      'Được hạ điểm chuẩn',
      'Hướng dẫn chấm',
      'Tài liệu kiểm chứng',
    ]);
    const r7 = ws.getRow(rowOf(ws, '7'));
    expect(r7.getCell(4).value).toBe(17.5);
    expect(r7.getCell(4).numFmt).toBe('0.00');
    const r = ws.getRow(rowOf(ws, '2.1'));
    expect(r.getCell(8).value).toBe('Có');
    const info = wb.getWorksheet(SHEET_INFO)!;
    expect(info.getRow(2).getCell(2).value).toBe(fws.department.name);
    expect(info.getRow(3).getCell(2).value).toBe(2023);
    expect(info.getRow(4).getCell(2).value).toBe('department');
  });

  it('reads numbers typed by hand at their shortest decimal spelling', async () => {
    const f = fws.district;
    const buf = await editXlsx(f, (wb) => {
      const ws = wb.getWorksheet(SHEET_NODES)!;
      // 0.1 + 0.2 style values must come back exact: write 0.3 as a formula result and 0.25 as text.
      ws.getRow(rowOf(ws, '1.3.3')).getCell(4).value = '0,25';
      ws.getRow(rowOf(ws, '1.3.4')).getCell(4).value = {
        formula: '0.1+0.15',
        result: 0.25,
      } as ExcelJS.CellFormulaValue;
    });
    const back = await attempt(async () => parseFrameworkXlsx(buf));
    if (!back.ok) throw new Error(back.error.message);
    expect(frameworkHash(back.value)).toBe(frameworkHash(f));
  });

  it('names the row and column of bad cells', async () => {
    const f = fws.district;
    let rMax = 0;
    let rEx = 0;
    let rParams = 0;
    const buf = await editXlsx(f, (wb) => {
      const ws = wb.getWorksheet(SHEET_NODES)!;
      rMax = rowOf(ws, '1.2');
      rEx = rowOf(ws, '1.3.1');
      rParams = rowOf(ws, '1.1.1');
      ws.getRow(rMax).getCell(4).value = 'một';
      ws.getRow(rEx).getCell(8).value = 'Có lẽ';
      ws.getRow(rParams).getCell(6).value = '{"tiers": [';
    });
    const r = await attempt(async () => parseFrameworkXlsx(buf));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toMatch(/^FRAMEWORK_IMPORT_/);
    expect(r.error.message).toContain(`dòng ${rMax}, cột D (Điểm tối đa)`);
    expect(r.error.message).toContain(`dòng ${rEx}, cột H (Được hạ điểm chuẩn)`);
    expect(r.error.message).toContain(`dòng ${rParams}, cột F (Tham số)`);
    expect(r.error.details?.['count']).toBe(3);
    expect(r.error.details?.['row']).toBe(Math.min(rMax, rEx, rParams));
  });

  it('names the row and column of validation errors', async () => {
    let row = 0;
    const buf = await editXlsx(fws.district, (wb) => {
      const ws = wb.getWorksheet(SHEET_NODES)!;
      row = rowOf(ws, '1');
      ws.getRow(row).getCell(4).value = 15;
    });
    const r = await attempt(async () => parseFrameworkXlsx(buf));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.INVALID);
    expect(r.error.message).toContain(`dòng ${row}, cột D (Điểm tối đa)`);
    expect(r.error.message).toContain('FRAMEWORK_MAX_MISMATCH');
    expect(r.error.details).toMatchObject({ row, column: 'D' });
  });

  it('refuses a wrong kind, a bad parameter, a missing column, a missing sheet and a non-xlsx file', async () => {
    const kind = await attempt(async () =>
      parseFrameworkXlsx(
        await editXlsx(fws.district, (wb) => {
          const ws = wb.getWorksheet(SHEET_NODES)!;
          ws.getRow(rowOf(ws, '1.2')).getCell(5).value = 'đoán';
          ws.getRow(rowOf(ws, '1.3.1')).getCell(6).value = '{"tiers":[{"min":-1,"points":"0.5"}],"otherwise":"0"}';
        }),
      ),
    );
    expect(kind.ok).toBe(false);
    if (!kind.ok) {
      expect(kind.error.message).toMatch(/cột E \(Cách chấm\): cách chấm “đoán” không hợp lệ/);
      expect(kind.error.message).toMatch(/cột F \(Tham số\): tiers\[0\]\.min/);
    }
    const header = await attempt(async () =>
      parseFrameworkXlsx(
        await editXlsx(fws.district, (wb) => {
          wb.getWorksheet(SHEET_NODES)!.getRow(1).getCell(4).value = 'Điểm';
        }),
      ),
    );
    expect(header.ok ? null : header.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.HEADER);
    expect(header.ok ? '' : header.error.message).toContain('thiếu cột “Điểm tối đa”');
    const sheet = await attempt(async () =>
      parseFrameworkXlsx(
        await editXlsx(fws.district, (wb) => {
          wb.removeWorksheet(wb.getWorksheet(SHEET_INFO)!.id);
        }),
      ),
    );
    expect(sheet.ok ? null : sheet.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.SHEET);
    const junk = await attempt(async () => parseFrameworkXlsx(Buffer.from('không phải tệp Excel')));
    expect(junk.ok ? null : junk.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.FILE);
    const info = await attempt(async () =>
      parseFrameworkXlsx(
        await editXlsx(fws.district, (wb) => {
          wb.getWorksheet(SHEET_INFO)!.getRow(4).getCell(2).value = 'tỉnh';
        }),
      ),
    );
    expect(info.ok ? '' : info.error.message).toContain(`Trang “${SHEET_INFO}”, dòng 4, cột B (Nhóm đơn vị)`);
  });
});

describe('framework JSON', () => {
  it('round-trips every default framework through a file with the same hash', async () => {
    for (const g of UNIT_GROUPS) {
      const path = join(dir, `${g}.json`);
      writeFrameworkJsonFile(path, fws[g]);
      const back = await attempt(async () => readFrameworkJsonFile(path));
      if (!back.ok) throw new Error(back.error.message);
      expect(frameworkHash(back.value)).toBe(frameworkHash(fws[g]));
      expect(frameworkToJson(back.value)).toBe(readFileSync(path, 'utf8'));
    }
  });

  it('refuses bad JSON, a bad shape and an invalid framework with coded errors', async () => {
    const bad = await attempt(async () => parseFrameworkJson('{'));
    expect(bad.ok ? null : bad.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.JSON);
    const raw = JSON.parse(frameworkToJson(fws.central_agency));
    raw.nodes[2].maxPoints = true;
    raw.group = 'Sở Nội vụ';
    const shape = await attempt(async () => parseFrameworkJson(JSON.stringify(raw)));
    expect(shape.ok ? null : shape.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.SCHEMA);
    expect(shape.ok ? '' : shape.error.message).toContain('nodes[2].maxPoints');
    expect(shape.ok ? '' : shape.error.message).toContain('Trường group');
    const raw2 = JSON.parse(frameworkToJson(fws.central_agency));
    raw2.nodes[0].maxPoints = '30';
    const invalid = await attempt(async () => parseFrameworkJson(JSON.stringify(raw2)));
    expect(invalid.ok ? null : invalid.error.code).toBe(FRAMEWORK_IMPORT_ERRORS.INVALID);
    expect(invalid.ok ? '' : invalid.error.message).toContain('FRAMEWORK_MAX_MISMATCH');
  });
});
