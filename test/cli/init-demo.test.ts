import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, DISTRICTS_CSV, PUBLIC_UNITS_CSV, summaries } from './helpers.ts';
import { tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';

describe('init-demo, results --db and framework export/import', () => {
  const newDir = tempDirs();

  it('creates the demo database whose results equal the summary tables’ results', async () => {
    const dir = newDir();
    const db = join(dir, 'demo.sqlite');
    const init = await cli('init-demo', '--db', db);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ cycleId: 'soc-trang-2023', units: 40 });
    expect(existsSync(join(dir, 'evidence'))).toBe(true);

    const fromDb = JSON.parse((await cli('results', '--db', db)).stdout);
    const fromCsv = JSON.parse((await cli('results', ...summaries(DISTRICTS_CSV, PUBLIC_UNITS_CSV))).stdout);
    for (const u of fromCsv.units) {
      const d = fromDb.units.find((x: { unit: string }) => x.unit === u.unit);
      expect(d, u.unit).toBeDefined();
      expect({ index: d.index, classification: d.classification, rankInGroup: d.rankInGroup }).toEqual({
        index: u.index,
        classification: u.classification,
        rankInGroup: u.rankInGroup,
      });
    }
    const avg = (r: { groups: { group: string; average: number }[] }, g: string) =>
      r.groups.find((x) => x.group === g)!.average;
    expect(avg(fromDb, 'district')).toBe(77.08);
    expect(avg(fromDb, 'public_service_unit')).toBe(76.2);
    expect(fromDb.overall.count).toBe(40);

    const again = await cli('init-demo', '--db', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^DEMO_EXISTS: /);
  }, 180_000);

  it('exports a framework to xlsx and imports it back into a cycle under the same hash', async () => {
    const dir = newDir();
    const db = copyDemoStore(dir, 'demo.sqlite'); // what init-demo writes (test/global-setup.ts)
    const out = join(dir, 'district.xlsx');
    const exported = await cli('framework', 'export', '--group', 'district', '--db', db, '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const { hash } = JSON.parse(exported.stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Bộ tiêu chí')!.rowCount).toBeGreaterThan(50);
    const imported = await cli('framework', 'import', out, '--db', db);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ hash, group: 'district', stored: true });
    const json = join(dir, 'district.json');
    expect((await cli('framework', 'export', '--group', 'district', '--out', json)).code).toBe(0);
    expect(JSON.parse((await cli('framework', 'import', json)).stdout).hash).toBe(hash);
  });

  it('refuses a missing database, an unknown cycle and a bad framework file with coded errors', async () => {
    const dir = newDir();
    const missing = await cli('results', '--db', join(dir, 'nope.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^DB_NOT_FOUND: /);
    const db = copyDemoStore(dir, 'demo.sqlite');
    const cycle = await cli('results', '--db', db, '--cycle', 'x');
    expect(cycle.stderr).toMatch(/^CYCLE_NOT_FOUND: /);
    const bad = join(dir, 'bad.json');
    (await import('node:fs')).writeFileSync(bad, '{"name": 1}');
    const r = await cli('framework', 'import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^FRAMEWORK_IMPORT_/);
    expect(r.stdout).toBe('');
  });
});
