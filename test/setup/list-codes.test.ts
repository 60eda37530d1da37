/** Units and roster lists with the optional code column: the new rows' ids; bad and repeated codes refused, nothing written. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { listMembers } from '../../electron/core/db/repos/members.ts';
import { listUnitDetails } from '../../electron/core/db/repos/setup.ts';
import { createCycle } from '../../electron/core/setup/cycles.ts';
import { importRoster } from '../../electron/core/setup/roster-import.ts';
import { importUnits } from '../../electron/core/setup/units.ts';
import { tempDirs } from '../db/support.ts';

const temp = tempDirs('cchc-codes-');

function setup() {
  const dir = temp();
  const db = openDatabase(join(dir, 'cchc.sqlite'));
  createCycle(
    db,
    { id: 'tinh-2026', name: 'Kỳ 2026', year: 2026, province: 'Tỉnh', groups: [{ preset: 'department' }] },
    'x',
  );
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  return { db, file };
}

describe('the code column of the units and roster lists', () => {
  it('gives new units and members the id <cycle>-<code>; a list without codes numbers them', async () => {
    const { db, file } = setup();
    await importUnits(
      db,
      'tinh-2026',
      file('u.csv', 'Mã đơn vị,Đơn vị,Nhóm\nso-tu-phap,Sở Tư pháp,department\n,Sở Y tế,department\n'),
    );
    expect(listUnitDetails(db, 'tinh-2026').map((u) => [u.id, u.name])).toEqual([
      ['tinh-2026-so-tu-phap', 'Sở Tư pháp'],
      ['tinh-2026-u001', 'Sở Y tế'],
    ]);
    await importRoster(
      db,
      'tinh-2026',
      file('r.csv', 'code,name,role,fields\ntv01,Lê Văn A,Chủ tịch,\n,Trần Thị B,Thành viên,2\n'),
    );
    expect(
      listMembers(db, 'tinh-2026')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['tinh-2026-m001', 'tinh-2026-tv01']);
  });

  it.each([
    [
      'a code that is not lower-case ASCII',
      'Mã đơn vị,Đơn vị,Nhóm\nSở-TP,Sở Tư pháp,department\n',
      /^SETUP_BAD_TEXT: .*dòng 2.*Mã đơn vị/,
    ],
    [
      'a code twice',
      'code,unit,group\na,Sở A,department\na,Sở B,department\n',
      /^SETUP_DUPLICATE_UNIT: .*dòng 3.*trùng với dòng 2/,
    ],
  ])('refuses %s, naming the row and column, with nothing written', async (_, text, code) => {
    const { db, file } = setup();
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const r = await importUnits(db, 'tinh-2026', file('u.csv', text)).then(
      () => 'ok',
      (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
    );
    expect(r).toMatch(code);
    expect(listUnitDetails(db, 'tinh-2026')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
