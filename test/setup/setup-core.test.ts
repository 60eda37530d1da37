/**
 * Cycle set-up on a real SQLite file: a 2025 cycle of 120 communes and 20 departments from
 * generated .xlsx/.csv files, a roster, every refusal leaving the database unchanged (row counts
 * and audit rows), the framework fixed once appraisal starts, the minutes' defaults from the cycle
 * and the roster, a new cycle taking an earlier cycle's units and results.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { listCycleGroups } from '../../electron/core/db/repos/groups.ts';
import { cycleFrameworks } from '../../electron/core/db/repos/frameworks.ts';
import { listUnitDetails } from '../../electron/core/db/repos/setup.ts';

import { defaultMeeting } from '../../electron/core/report/meeting.ts';
import { cycleResults } from '../../electron/core/results/cycle-results.ts';
import {
  assertSetupOpen,
  createCycle,
  cycleList,
  currentCycle,
  setCurrentCycle,
  setGroupFramework,
} from '../../electron/core/setup/cycles.ts';
import {
  addMember,
  editMember,
  registerFingerprint,
  removeMember,
  rosterOf,
} from '../../electron/core/setup/roster.ts';
import { importRoster } from '../../electron/core/setup/roster-import.ts';
import { addUnit, editUnit, importUnits, removeUnit, reorderUnits } from '../../electron/core/setup/units.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { outcome, tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { COMMUNES, DEPARTMENTS, rosterRows, unitRows, writeCsv, writeXlsx } from './files.ts';
import { scaledDecimalText } from '../../shared/decimal/text.ts';

const TABLES = [
  'cycles',
  'cycle_groups',
  'cycle_frameworks',
  'frameworks',
  'units',
  'members',
  'member_fields',
  'previous_results',
  'audit_log',
];
const counts = (db: Db) =>
  Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
const head = (db: Db) => db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() ?? null;

/** Runs `fn`, expects a coded refusal, and checks that nothing was written. */
async function refused(db: Db, fn: () => unknown): Promise<string> {
  const before = { c: counts(db), h: head(db), units: listUnitDetails(db, 'an-giang-2025') };
  const r = await outcome(Promise.resolve().then(fn));
  expect(r).not.toBe('ok');
  expect(counts(db)).toEqual(before.c);
  expect(head(db)).toBe(before.h);
  expect(listUnitDetails(db, 'an-giang-2025')).toEqual(before.units);
  return r;
}

describe('cycle set-up (core, real SQLite file)', () => {
  const temp = tempDirs('cchc-setup-');

  it('creates a 2025 cycle of 120 communes and 20 departments from files, with a roster; refuses bad input with the database unchanged', async () => {
    const dir = temp();
    const db = openDatabase(join(dir, 'cchc.sqlite'));
    const cycle = createCycle(
      db,
      {
        name: 'Chỉ số CCHC tỉnh An Giang năm 2025',
        year: 2025,
        province: 'An Giang',
        precision: 2,
        decision: 'Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh ban hành Bộ chỉ số',
        councilDecision: 'Căn cứ Quyết định số 99/QĐ-UBND ngày 01/12/2025 thành lập Hội đồng thẩm định',
        groups: [{ preset: 'department' }, { preset: 'commune' }],
      },
      'thuong-truc',
    );
    expect(cycle.id).toBe('an-giang-2025');
    expect(currentCycle(db)).toBe('an-giang-2025');
    expect(listCycleGroups(db, cycle.id).map((g) => g.code)).toEqual(['department', 'commune']);
    const fws = cycleFrameworks(db, cycle.id);
    expect(fws.map((f) => [f.group, f.framework.sample]).sort()).toEqual([
      ['commune', true],
      ['department', true],
    ]);

    const xlsx = await writeXlsx(join(dir, 'don-vi.xlsx'), unitRows());
    const dry = await importUnits(db, cycle.id, xlsx, { dryRun: true, actor: 'thuong-truc' });
    expect(dry.committed).toBe(false);
    expect(dry.added).toBe(140);
    expect(dry.byGroup).toEqual({ department: 20, commune: 120 });
    expect(listUnitDetails(db, cycle.id)).toHaveLength(0);
    const done = await importUnits(db, cycle.id, xlsx, { actor: 'thuong-truc' });
    expect(done.committed).toBe(true);
    const units = listUnitDetails(db, cycle.id);
    expect(units).toHaveLength(140);
    expect(units.filter((u) => u.group === 'commune').map((u) => u.name)).toEqual(COMMUNES);
    expect(units[0]).toMatchObject({
      name: DEPARTMENTS[0],
      shortName: 'S1',
      head: 'Giám đốc 1',
      contact: 'so1@tinh.gov.vn',
      sortOrder: 1,
    });
    const audit = db
      .prepare("SELECT after FROM audit_log WHERE action = 'setup.units.import'")
      .pluck()
      .all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ file: 'don-vi.xlsx', added: 140, fileSha256: done.sha256 });

    // the same list again from CSV: nothing added, details updated
    const again = await importUnits(db, cycle.id, writeCsv(dir, 'don-vi.csv', unitRows()), { actor: 'thuong-truc' });
    expect([again.added, again.updated]).toEqual([0, 140]);
    expect(listUnitDetails(db, cycle.id)).toHaveLength(140);

    // refusals of unit lists: file, row, column named; nothing written
    const bad = (name: string, rows: string[][]) => writeCsv(dir, name, rows);
    const base = [
      ['Đơn vị', 'Nhóm'],
      ['UBND xã Mới 1', 'Cấp xã'],
    ];
    expect(
      await refused(db, () =>
        importUnits(db, cycle.id, bad('nhom.csv', [...base, ['UBND huyện Cũ', 'UBND cấp huyện']])),
      ),
    ).toMatch(
      /^SETUP_UNKNOWN_GROUP: Tệp nhom\.csv, dòng 3, cột "Nhóm": nhóm “UBND cấp huyện” không có trong kỳ đánh giá/,
    );
    expect(
      await refused(db, () => importUnits(db, cycle.id, bad('trung.csv', [...base, ['UBND xã mới 1', 'commune']]))),
    ).toMatch(/^SETUP_DUPLICATE_UNIT: Tệp trung\.csv, dòng 3, cột "Đơn vị": đơn vị “UBND xã mới 1” trùng với dòng 2/);
    expect(
      await refused(db, () => importUnits(db, cycle.id, bad('doi-nhom.csv', [...base, [DEPARTMENTS[3]!, 'commune']]))),
    ).toMatch(
      /^SETUP_DUPLICATE_UNIT: Tệp doi-nhom\.csv, dòng 3, cột "Nhóm": đơn vị “Sở Ngành D” đã có trong kỳ đánh giá/,
    );
    expect(
      await refused(db, () =>
        importUnits(
          db,
          cycle.id,
          bad('thieu.csv', [
            ['Đơn vị', 'Ghi chú'],
            ['X', 'y'],
          ]),
        ),
      ),
    ).toMatch(/^SETUP_MISSING_COLUMN: Tệp thieu\.csv, dòng 1: thiếu cột "Nhóm"/);
    expect(await refused(db, () => importUnits(db, cycle.id, bad('rong.csv', [...base, ['', 'commune']])))).toMatch(
      /^SETUP_EMPTY_CELL: Tệp rong\.csv, dòng 3, cột "Đơn vị"/,
    );
    expect(
      await refused(db, () => importUnits(db, cycle.id, bad('khong-nhom.csv', [...base, ['UBND xã Y', '']]))),
    ).toMatch(/^SETUP_EMPTY_CELL: Tệp khong-nhom\.csv, dòng 3, cột "Nhóm"/);
    expect(await refused(db, () => importUnits(db, cycle.id, bad('a.txt', base)))).toMatch(/^SETUP_FILE_FORMAT/);
    expect(await refused(db, () => addUnit(db, cycle.id, { name: 'sở ngành a', group: 'department' }, 'x'))).toMatch(
      /^SETUP_DUPLICATE_UNIT/,
    );
    expect(await refused(db, () => addUnit(db, cycle.id, { name: 'UBND huyện Z', group: 'district' }, 'x'))).toMatch(
      /^SETUP_UNKNOWN_GROUP/,
    );
    expect(
      await refused(db, () =>
        reorderUnits(
          db,
          cycle.id,
          units.slice(1).map((u) => u.id),
          'x',
        ),
      ),
    ).toMatch(/^SETUP_BAD_ORDER/);

    // add, rename, reorder, remove
    const added = addUnit(
      db,
      cycle.id,
      { name: 'Ban Quản lý các khu công nghiệp', group: 'Sở, ban, ngành tỉnh' },
      'thuong-truc',
    );
    expect(added.sortOrder).toBe(141);
    expect(editUnit(db, cycle.id, added.id, { name: 'Ban Quản lý Khu kinh tế' }, 'thuong-truc').name).toBe(
      'Ban Quản lý Khu kinh tế',
    );
    const ids = listUnitDetails(db, cycle.id).map((u) => u.id);
    const reordered = reorderUnits(db, cycle.id, [added.id, ...ids.filter((i) => i !== added.id)], 'thuong-truc');
    expect(reordered[0]!.id).toBe(added.id);
    removeUnit(db, cycle.id, added.id, 'thuong-truc');
    expect(listUnitDetails(db, cycle.id)).toHaveLength(140);
    expect(
      db.prepare("SELECT action FROM audit_log WHERE action LIKE 'setup.unit%' ORDER BY seq").pluck().all(),
    ).toEqual([
      'setup.units.import',
      'setup.units.import',
      'setup.unit.add',
      'setup.unit.edit',
      'setup.units.reorder',
      'setup.unit.remove',
    ]);

    // roster from a file
    const rosterXlsx = await writeXlsx(join(dir, 'hoi-dong.xlsx'), rosterRows());
    const r = await importRoster(db, cycle.id, rosterXlsx, { actor: 'thuong-truc' });
    expect(r.added).toBe(6);
    const roster = rosterOf(db, cycle.id);
    expect(roster.map((m) => [m.name, m.councilRole, m.fields.join(',')])).toEqual([
      ['Trần Văn Chủ', 'chair', ''],
      ['Lê Thị Phó', 'vice_chair', '1'],
      ['Hồ Văn Ba', 'member', '6,7,8'],
      ['Nguyễn Văn Một', 'member', '2,3'],
      ['Phạm Thị Hai', 'member', '4,5'],
      ['Võ Thị Thư', 'secretary', ''],
    ]);
    const rosterBad = (name: string, row: string[]) => writeCsv(dir, name, [rosterRows()[0]!, row]);
    expect(
      await refused(db, () => importRoster(db, cycle.id, rosterBad('vai-tro.csv', ['A', '', '', 'trưởng nhóm', '']))),
    ).toMatch(/^SETUP_BAD_ROLE: Tệp vai-tro\.csv, dòng 2, cột "role": vai trò “trưởng nhóm” không hợp lệ/);
    expect(
      await refused(db, () => importRoster(db, cycle.id, rosterBad('linh-vuc.csv', ['A', '', '', 'member', '1, 9']))),
    ).toMatch(
      /^SETUP_UNKNOWN_FIELD: Tệp linh-vuc\.csv, dòng 2, cột "fields": lĩnh vực “1, 9” không hợp lệ: không có lĩnh vực 9/,
    );
    expect(
      await refused(db, () => importRoster(db, cycle.id, rosterBad('chu-tich.csv', ['B', '', '', 'chair', '']))),
    ).toMatch(/^SETUP_ONE_CHAIR: Tệp chu-tich\.csv, dòng 2, cột "role"/);
    expect(
      await refused(db, () =>
        importRoster(
          db,
          cycle.id,
          writeCsv(dir, 'trung-ten.csv', [rosterRows()[0]!, ['C', '', '', 'member', ''], ['c', '', '', 'member', '']]),
        ),
      ),
    ).toMatch(/^SETUP_DUPLICATE_MEMBER: Tệp trung-ten\.csv, dòng 3, cột "name"/);
    expect(await refused(db, () => addMember(db, cycle.id, { name: 'hồ văn ba', role: 'member' }, 'x'))).toMatch(
      /^SETUP_DUPLICATE_MEMBER/,
    );
    expect(
      await refused(db, () =>
        registerFingerprint(db, cycle.id, roster[2]!.id, '3F9A 01C2 7B44 E0D1 9A2F 55C8 0B7E D3A6', 'x'),
      ),
    ).toMatch(/^SETUP_BAD_FINGERPRINT/);

    // add, edit, remove, key by fingerprint: each audited
    const m = addMember(
      db,
      cycle.id,
      { name: 'Đặng Văn Bốn', position: 'Phó Giám đốc', agency: 'Sở Xây dựng', role: 'member', fields: ['7'] },
      'thuong-truc',
    );
    expect(editMember(db, cycle.id, m.id, { fields: ['7', '8'], position: 'Giám đốc' }, 'thuong-truc')).toMatchObject({
      position: 'Giám đốc',
      fields: ['7', '8'],
    });
    const fp = 'ab'.repeat(32);
    expect(
      registerFingerprint(db, cycle.id, m.id, fp.toUpperCase().replace(/(.{4})/g, '$1 '), 'thuong-truc').fingerprint,
    ).toBe(fp);
    removeMember(db, cycle.id, m.id, 'thuong-truc');
    expect(db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq').pluck().all(m.id)).toEqual([
      'setup.member.add',
      'setup.member.edit',
      'member.key',
      'setup.member.remove',
    ]);

    // the minutes take the legal bases and the chair/secretary from the cycle and the roster
    const meeting = defaultMeeting(db, cycle.id);
    expect(meeting.legalBases).toEqual([
      'Căn cứ Quyết định số 99/QĐ-UBND ngày 01/12/2025 thành lập Hội đồng thẩm định',
      'Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh ban hành Bộ chỉ số',
    ]);
    expect([meeting.chairName, meeting.secretaryName]).toEqual(['Trần Văn Chủ', 'Võ Thị Thư']);

    // the framework is fixed once appraisal starts (here: a cycle package issued)
    const framework = loadDefaultFrameworks().commune;
    const own = { ...framework, name: 'Bộ tiêu chí cấp xã của tỉnh An Giang', sample: false };
    const { hash } = setGroupFramework(
      db,
      cycle.id,
      'commune',
      { kind: 'imported', framework: own, file: 'bo-tieu-chi-xa.json', sha256: 'f'.repeat(64) },
      'thuong-truc',
    );
    expect(cycleFrameworks(db, cycle.id).find((f) => f.group === 'commune')).toMatchObject({
      hash,
      framework: { sample: false },
    });
    expect(
      await refused(db, () =>
        setGroupFramework(
          db,
          cycle.id,
          'department',
          { kind: 'imported', framework: own, file: 'x.json', sha256: '0'.repeat(64) },
          'x',
        ),
      ),
    ).toMatch(/^SETUP_FRAMEWORK_GROUP/);
    db.prepare(
      "INSERT INTO cycle_packages (package_hash, cycle_id, direction, revision, signer_fingerprint, issued_at, recorded_at) VALUES (?, ?, 'issued', 1, ?, 'now', 'now')",
    ).run('1'.repeat(64), cycle.id, fp);
    expect(await refused(db, () => setGroupFramework(db, cycle.id, 'commune', { kind: 'sample' }, 'x'))).toMatch(
      /^SETUP_APPRAISAL_STARTED: .*gói kỳ đánh giá đã được xuất/,
    );
    expect(await refused(db, () => importUnits(db, cycle.id, writeCsv(dir, 'sau.csv', base)))).toMatch(
      /^SETUP_APPRAISAL_STARTED/,
    );
    expect(await refused(db, () => removeUnit(db, cycle.id, units[0]!.id, 'x'))).toMatch(/^SETUP_APPRAISAL_STARTED/);
    expect(() => assertSetupOpen(db, cycle.id, 'x')).toThrow();
    expect(cycleList(db)[0]).toMatchObject({
      id: cycle.id,
      current: true,
      units: 140,
      members: 6,
      appraisalStarted: 'package',
    });
    db.close();
  }, 60_000);

  it('a new cycle takes an earlier cycle’s units and its results as the previous year; the earlier one stays readable', async () => {
    const dir = temp();
    const db = openDatabase(copyDemoStore(dir));
    const before = cycleResults(db, 'soc-trang-2023');
    const c = createCycle(
      db,
      {
        name: 'Chỉ số CCHC năm 2024',
        year: 2024,
        province: 'Sóc Trăng',
        groups: [
          { preset: 'department' },
          { preset: 'district' },
          { preset: 'public_service_unit' },
          { preset: 'central_agency' },
        ],
        takeFrom: { cycleId: 'soc-trang-2023', units: true, results: true },
      },
      'thuong-truc',
    );
    expect(c.previousCycleId).toBe('soc-trang-2023');
    expect(listUnitDetails(db, c.id).map((u) => u.name)).toEqual(
      listUnitDetails(db, 'soc-trang-2023').map((u) => u.name),
    );
    const prev = db
      .prepare(
        'SELECT unit_name AS unit, published FROM previous_results WHERE cycle_id = ? AND year = 2023 ORDER BY unit_name',
      )
      .all(c.id) as { unit: string; published: string }[];
    expect(prev).toHaveLength(40);
    const published = new Map(before.units.map((u) => [u.unit, scaledDecimalText(u.published, before.precision)]));
    for (const p of prev) expect(p.published).toBe(published.get(p.unit));
    // older cycle still there and readable; the new one is current; switching back works
    expect(cycleResults(db, 'soc-trang-2023').units).toHaveLength(40);
    expect(currentCycle(db)).toBe(c.id);
    setCurrentCycle(db, 'soc-trang-2023', 'thuong-truc');
    expect(
      cycleList(db)
        .filter((x) => x.current)
        .map((x) => x.id),
    ).toEqual(['soc-trang-2023']);
    // a later cycle cannot take from itself or a later year
    expect(
      await refused(db, () =>
        createCycle(
          db,
          {
            name: 'X',
            year: 2022,
            province: 'Sóc Trăng',
            groups: [{ preset: 'department' }],
            takeFrom: { cycleId: c.id, units: true, results: false },
          },
          'x',
        ),
      ),
    ).toMatch(/^SETUP_BAD_CYCLE/);
    expect(
      await refused(db, () => createCycle(db, { name: 'X', year: 2026, province: 'Sóc Trăng', groups: [] }, 'x')),
    ).toMatch(/^SETUP_NO_GROUPS/);
    expect(
      await refused(db, () =>
        createCycle(
          db,
          { name: 'X', year: 2026, province: 'Sóc Trăng', groups: [{ preset: 'commune' }, { preset: 'commune' }] },
          'x',
        ),
      ),
    ).toMatch(/^SETUP_DUPLICATE_GROUP/);
    expect(
      await refused(db, () =>
        createCycle(
          db,
          { name: 'X', year: 2026, province: 'Sóc Trăng', groups: [{ code: 'Xã', label: 'Xã', shortLabel: 'Xã' }] },
          'x',
        ),
      ),
    ).toMatch(/^SETUP_BAD_GROUP/);
    // a custom group gets the sample re-targeted to its code
    const custom = createCycle(
      db,
      {
        name: 'Y',
        year: 2026,
        province: 'Sóc Trăng',
        groups: [{ code: 'special_zone', label: 'Đặc khu', shortLabel: 'Đặc khu', fields: ['1', '2'] }],
      },
      'x',
    );
    const f = cycleFrameworks(db, custom.id)[0]!;
    expect(f.group).toBe('special_zone');
    expect(f.framework.nodes.every((n) => n.groups.join() === 'special_zone')).toBe(true);
    expect(listCycleGroups(db, custom.id)[0]!.fields).toEqual(['1', '2']);
    db.close();
  }, 60_000);
});
