/** The set-up commands as child processes: cycle-create, cycles, import-units, import-roster (exit codes, JSON, stderr, nothing written on refusal). */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.ts';
import { rosterRows, unitRows, writeCsv, writeXlsx } from './files.ts';

describe('cchc cycle-create / cycles / import-units / import-roster', () => {
  const t = tempDir();
  afterAll(() => t.remove());
  const db = join(t.dir, 'cchc.sqlite');
  const rows = (sql: string) => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare(sql).pluck().get() as number;
    } finally {
      d.close();
    }
  };

  it('creates a cycle (and the database), lists it, imports 140 units and a roster; refusals exit 1 with CODE: message and write nothing', async () => {
    const created = await cli(
      'cycle-create',
      '--db',
      db,
      '--name',
      'Chỉ số CCHC tỉnh Cần Thơ năm 2025',
      '--year',
      '2025',
      '--province',
      'Cần Thơ',
      '--groups',
      'department,commune',
      '--precision',
      '2',
      '--decision',
      'Quyết định số 1/QĐ-UBND',
      '--council-decision',
      'Quyết định số 2/QĐ-UBND',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ cycleId: 'can-tho-2025' });

    const listed = await cli('cycles', '--db', db);
    expect(listed.code).toBe(0);
    const cycles = JSON.parse(listed.stdout) as {
      id: string;
      current: boolean;
      decision: string;
      groups: { code: string; sample: boolean }[];
    }[];
    expect(
      cycles.map((c) => [c.id, c.current, c.decision, c.groups.map((g) => `${g.code}:${g.sample}`).join()]),
    ).toEqual([['can-tho-2025', true, 'Quyết định số 1/QĐ-UBND', 'department:true,commune:true']]);

    const xlsx = await writeXlsx(join(t.dir, 'don-vi.xlsx'), unitRows());
    const dry = await cli('import-units', '--db', db, '--cycle', 'can-tho-2025', xlsx, '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      added: 140,
      committed: false,
      byGroup: { department: 20, commune: 120 },
    });
    expect(rows('SELECT count(*) FROM units')).toBe(0);
    const done = await cli('import-units', '--db', db, '--cycle', 'can-tho-2025', xlsx);
    expect(done.code).toBe(0);
    expect(rows('SELECT count(*) FROM units')).toBe(140);

    const audit = rows('SELECT count(*) FROM audit_log');
    const bad = writeCsv(t.dir, 'sai-nhom.csv', [
      ['unit', 'group'],
      ['UBND xã A', 'commune'],
      ['UBND huyện B', 'district'],
    ]);
    const refused = await cli('import-units', '--db', db, '--cycle', 'can-tho-2025', bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^SETUP_UNKNOWN_GROUP: Tệp sai-nhom\.csv, dòng 3, cột "group": nhóm “district” không có trong kỳ đánh giá/,
    );
    expect([rows('SELECT count(*) FROM units'), rows('SELECT count(*) FROM audit_log')]).toEqual([140, audit]);

    const roster = await cli('import-roster', '--db', db, writeCsv(t.dir, 'hoi-dong.csv', rosterRows()));
    expect(roster.code).toBe(0);
    expect(JSON.parse(roster.stdout)).toMatchObject({ added: 6, committed: true });
    expect(rows("SELECT count(*) FROM members WHERE council_role = 'chair'")).toBe(1);
    const badRole = await cli(
      'import-roster',
      '--db',
      db,
      writeCsv(t.dir, 'vai-tro.csv', [rosterRows()[0]!, ['Ai Đó', '', '', 'khách mời', '']]),
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^SETUP_BAD_ROLE: Tệp vai-tro\.csv, dòng 2, cột "role"/);
    expect(rows('SELECT count(*) FROM members')).toBe(6);
  }, 240_000);

  it('the set-up cycle exports as a cycle package; afterwards its units and frameworks are fixed', async () => {
    process.env['CCHC_PASSPHRASE'] = 'mật khẩu thử nghiệm';
    expect((await cli('keygen', '--data-dir', t.dir)).code).toBe(0);
    const out = await cli('export-cycle', '--db', db, '--cycle', 'can-tho-2025', '--out-dir', join(t.dir, 'out'));
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ units: 140, members: 6, revision: 1 });
    const late = await cli(
      'import-units',
      '--db',
      db,
      '--cycle',
      'can-tho-2025',
      writeCsv(t.dir, 'muon.csv', [
        ['unit', 'group'],
        ['UBND xã Muộn', 'commune'],
      ]),
    );
    expect([late.code, late.stderr]).toEqual([
      1,
      expect.stringMatching(/^SETUP_APPRAISAL_STARTED: .*gói kỳ đánh giá đã được xuất/),
    ]);
    const listed = JSON.parse((await cli('cycles', '--db', db)).stdout) as { appraisalStarted: string | null }[];
    expect(listed[0]!.appraisalStarted).toBe('package');
  }, 240_000);

  it('bad usage exits 2; bad data exits 1', async () => {
    const noYear = await cli('cycle-create', '--db', db, '--name', 'X', '--province', 'Y');
    expect([noYear.code, noYear.stderr]).toEqual([2, expect.stringMatching(/^CLI_USAGE: Thiếu --year/)]);
    const preset = await cli(
      'cycle-create',
      '--db',
      db,
      '--name',
      'X',
      '--year',
      '2026',
      '--province',
      'Y',
      '--groups',
      'ward',
    );
    expect(preset.code).toBe(2);
    const noFile = await cli('import-units', '--db', db);
    expect(noFile.code).toBe(2);
    const exists = await cli('cycle-create', '--db', db, '--name', 'X', '--year', '1990', '--province', 'Y');
    expect([exists.code, exists.stderr]).toEqual([1, expect.stringMatching(/^SETUP_BAD_CYCLE: /)]);
    const missing = await cli('cycles', '--db', join(t.dir, 'khong-co.sqlite'));
    expect(missing.code).toBe(1);
  }, 180_000);
});
