/**
 * approved exemption reasons written as formulas reach every CSV export
 * neutralised (a leading single quote) and stay text in the xlsx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { exportAudit } from '../../electron/core/audit/log.ts';
import { exportCsv, exportXlsx } from '../../electron/core/export/export.ts';
import { parseCsv } from '../../electron/core/summary/csv.ts';
import { csvField } from '../../shared/format/csv.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb } from '../report/demo-db.ts';
import { FORMULA_ATTACKS } from './formula-attacks.ts';

describe('formula injection in exports', () => {
  const temp = tempDirs('cchc-sec-export-');
  let db: Db;
  let dir: string;
  let target: { unit_id: string; node_code: string };
  beforeAll(() => {
    dir = temp();
    db = demoDb(dir).db;
    target = db
      .prepare(
        "SELECT unit_id, node_code FROM exemptions WHERE status = 'approved' ORDER BY unit_id, node_code LIMIT 1",
      )
      .get() as typeof target;
    expect(target).toBeDefined();
  });
  afterAll(() => db.close());

  it('every attack in the corpus: neutralised in ha-diem-chuan.csv, text in the xlsx', async () => {
    // one approved exemption per attack (reason, or legal basis when the demo has fewer exemptions)
    const rows = db
      .prepare("SELECT unit_id, node_code FROM exemptions WHERE status = 'approved' ORDER BY unit_id, node_code")
      .all() as (typeof target)[];
    expect(rows.length).toBeGreaterThan(0);
    FORMULA_ATTACKS.forEach((payload, i) => {
      const r = rows[i % rows.length]!;
      db.prepare(
        `UPDATE exemptions SET ${i < rows.length ? 'reason' : 'legal_basis'} = ? WHERE unit_id = ? AND node_code = ?`,
      ).run(payload, r.unit_id, r.node_code);
    });
    const out = join(dir, 'csv');
    await exportCsv(db, DEMO_CYCLE_ID, out);
    const text = readFileSync(join(out, 'ha-diem-chuan.csv'), 'utf8').replace(/^\uFEFF/, '');
    const cells = parseCsv(text).flatMap((r) => r.fields);
    for (const payload of FORMULA_ATTACKS) {
      expect(cells).toContain(`'${payload}`);
      expect(cells).not.toContain(payload);
    }
    for (const c of cells) expect(c ?? '').not.toMatch(/^[=+@\t\r]/);

    const xlsx = join(dir, 'ket-qua.xlsx');
    await exportXlsx(db, DEMO_CYCLE_ID, xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const nl = (v: string) => v.replace(/\r\n?/g, '\n');
    const wanted = new Set(FORMULA_ATTACKS.map(nl));
    const found = new Map<string, ExcelJS.Cell>();
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas++;
          if (typeof cell.value === 'string' && wanted.has(nl(cell.value))) found.set(nl(cell.value), cell);
        }),
      ),
    );
    expect([...found.keys()].sort()).toEqual([...wanted].sort());
    for (const cell of found.values()) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(formulas).toBe(0);
  });

  it('the audit export is neutralised too, and plain numbers stay numbers', () => {
    db.prepare('UPDATE audit_log SET actor = actor WHERE 0').run();
    const path = join(dir, 'audit.csv');
    exportAudit(db, path, { format: 'csv' });
    for (const c of parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).flatMap((r) => r.fields))
      expect(c ?? '').not.toMatch(/^[=+@\t\r]/);
    expect(csvField('-1')).toBe('-1');
    expect(csvField('83.84')).toBe('83.84');
    expect(csvField(-2)).toBe('-2');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-1+1')).toBe("'-1+1");
  });
});
