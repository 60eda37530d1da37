/**
 * The set-up commands (import-units, import-roster, dossier-template, import-dossier) on a
 * database holding several cycles: without --cycle they use the current one and say so on
 * stderr; --cycle still picks another; with no current cycle they refuse (CYCLE_AMBIGUOUS).
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { tempDir } from '../cli/helpers.ts';
import { evidenceFolder } from '../intake/support.ts';
import { rosterRows, unitRows, writeCsv, writeXlsx } from './files.ts';
import { realUnits, unitDossier } from './real-year.ts';

async function cchc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('set-up commands default --cycle to the current cycle', () => {
  const t = tempDir();
  afterAll(() => t.remove());
  const db = join(t.dir, 'cchc.sqlite');
  const count = (sql: string, ...params: unknown[]) => {
    const d = new Database(db, { readonly: true });
    try {
      return d
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    } finally {
      d.close();
    }
  };
  const SAID = 'Dùng kỳ đánh giá hiện hành “can-tho-2025” (Chỉ số CCHC năm 2025); chọn kỳ khác bằng --cycle.\n';

  it('uses the current cycle and says which; --cycle picks another; no current one is refused', async () => {
    expect((await cchc('init-demo', '--db', db)).code).toBe(0);
    const created = await cchc(
      'cycle-create',
      '--db',
      db,
      '--name',
      'Chỉ số CCHC năm 2025',
      '--year',
      '2025',
      '--province',
      'Cần Thơ',
      '--groups',
      'department,commune',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(count('SELECT count(*) FROM cycles')).toBe(2);

    const communes = ['UBND xã Một', 'UBND phường Hai'];
    const departments = ['Sở Ngành A'];
    const units = await cchc(
      'import-units',
      '--db',
      db,
      await writeXlsx(join(t.dir, 'dv.xlsx'), unitRows(communes, departments)),
    );
    expect(units.code, units.stderr).toBe(0);
    expect(units.stderr).toBe(SAID);
    expect(count("SELECT count(*) FROM units WHERE cycle_id = 'can-tho-2025'")).toBe(3);

    const roster = await cchc('import-roster', '--db', db, writeCsv(t.dir, 'hd.csv', rosterRows()));
    expect([roster.code, roster.stderr]).toEqual([0, SAID]);
    expect(count("SELECT count(*) FROM members WHERE cycle_id = 'can-tho-2025'")).toBe(rosterRows().length - 1);

    const out = join(t.dir, 'mau.xlsx');
    const tpl = await cchc('dossier-template', '--db', db, '--group', 'commune', '--out', out);
    expect([tpl.code, tpl.stderr]).toEqual([0, SAID]);
    const u = realUnits(communes, departments).find((x) => x.group === 'commune')!;
    const d = await unitDossier(readFileSync(out), u, 1, 1);
    const wb = join(t.dir, 'hs.xlsx');
    writeFileSync(wb, d.workbook);
    const ev = evidenceFolder(join(t.dir, 'ev'), d.evidence);
    const imp = await cchc('import-dossier', '--db', db, '--unit', u.name, '--round', '1', wb, '--evidence', ev);
    expect([imp.code, imp.stderr]).toEqual([0, SAID]);
    expect(
      count(
        "SELECT count(*) FROM dossier_imports WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = 'can-tho-2025')",
      ),
    ).toBe(1);

    // --cycle still chooses (the demo's template), and says nothing
    const demo = await cchc(
      'dossier-template',
      '--db',
      db,
      '--cycle',
      'soc-trang-2023',
      '--group',
      'district',
      '--out',
      join(t.dir, 'demo.xlsx'),
    );
    expect([demo.code, demo.stderr]).toEqual([0, '']);

    // no current cycle: refused, nothing written
    const w = new Database(db);
    w.prepare('UPDATE cycles SET is_current = 0').run();
    w.close();
    const before = count('SELECT count(*) FROM units');
    const none = await cchc(
      'import-units',
      '--db',
      db,
      writeCsv(t.dir, 'dv2.csv', [
        ['Đơn vị', 'Nhóm'],
        ['UBND xã Ba', 'commune'],
      ]),
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^CYCLE_AMBIGUOUS: .*--cycle/);
    expect(count('SELECT count(*) FROM units')).toBe(before);
    expect(existsSync(join(t.dir, 'demo.xlsx'))).toBe(true);
  }, 120_000);
});
