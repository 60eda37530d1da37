import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.ts';
import { tempDirs } from '../db/support.ts';
import { demoDb } from '../report/demo-db.ts';
import { FIXTURES } from '../report/fixture.ts';
import { flatText, pdfInfo } from './pdf.ts';

describe('CLI: minutes, sheets, export-xlsx, import-survey, import-previous', () => {
  const temp = tempDirs('cchc-cli-docs-');
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = temp();
    const d = demoDb(dir);
    dbPath = d.path;
    d.db.close();
  });
  afterAll(() => undefined);

  it('lists the commands', async () => {
    const r = await cli('--help');
    for (const c of ['minutes', 'sheets', 'export-xlsx', 'import-survey', 'import-previous'])
      expect(r.stdout).toContain(`  ${c} `);
  });

  it('imports last year’s results and survey points', async () => {
    const prev = await cli(
      'import-previous',
      '--db',
      dbPath,
      '--summary',
      join(FIXTURES, 'summary-districts.csv'),
      '--dry-run',
    );
    expect(prev.code).toBe(0);
    expect(JSON.parse(prev.stdout)).toMatchObject({ year: 2022, committed: false });
    const ok = await cli(
      'import-previous',
      '--db',
      dbPath,
      '--summary',
      join(FIXTURES, 'summary-districts.csv'),
      '--summary',
      join(FIXTURES, 'summary-public-units.csv'),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).rows).toHaveLength(15);
    const bad = await cli(
      'import-previous',
      '--db',
      dbPath,
      '--summary',
      join(FIXTURES, 'summary-districts.csv'),
      '--year',
      '2023',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^PREVIOUS_YEAR_INVALID: /);
    expect((await cli('import-previous', '--db', dbPath, '--summary', 'x.csv', '--year', 'năm ngoái')).code).toBe(2);

    const responses = join(dir, 'sipas.csv');
    writeFileSync(responses, 'Đơn vị,Câu 1,Câu 2\nUBND huyện Mỹ Xuyên,A,B\nUBND huyện Mỹ Xuyên,A,A\n');
    const s = await cli('import-survey', '--db', dbPath, '--file', responses, '--source', 'sipas');
    expect(s.code).toBe(0);
    // (3 × 100% + 60%) / 4 = 90% of 15 points = 13,5
    expect(JSON.parse(s.stdout)).toMatchObject({
      kind: 'responses',
      committed: true,
      rows: [{ unit: 'UBND huyện Mỹ Xuyên', points: '13.5', respondents: 2, answers: 4 }],
    });
    const noSource = await cli('import-survey', '--db', dbPath, '--file', responses);
    expect(noSource.code).toBe(1);
    expect(noSource.stderr).toMatch(/^SURVEY_SOURCE_REQUIRED: /);
    expect((await cli('import-survey', '--db', dbPath, '--file', responses, '--source', 'vnexpress')).code).toBe(2);
  });

  it('prints the minutes and per-unit sheets as A4 PDFs', async () => {
    const meeting = join(dir, 'meeting.json');
    writeFileSync(
      meeting,
      JSON.stringify({ startsAt: '2024-03-15T08:00', location: 'Hội trường UBND tỉnh', documentDate: '2024-03-15' }),
    );
    const out = join(dir, 'bien-ban.pdf');
    const r = await cli('minutes', '--db', dbPath, '--out', out, '--meeting', meeting);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ out });
    expect(res.pages).toBe(pdfInfo(out).pages);
    expect(pdfInfo(out).sizeName).toBe('A4');
    const text = flatText(out);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Sóc Trăng, ngày 15 tháng 3 năm 2024');
    expect(text).toContain('Vào lúc 08 giờ 00 phút, ngày 15 tháng 03 năm 2024, tại Hội trường UBND tỉnh');
    // SIPAS now 13,5 from the imported responses; last year's index and the change follow the index
    expect(text).toContain('UBND huyện Mỹ Xuyên 94,00 51,34 13,13 13,50 77,97 82,95 83,84 -0,89');

    const sheets = join(dir, 'thong-bao.pdf');
    const s = await cli(
      'sheets',
      '--db',
      dbPath,
      '--unit',
      'UBND huyện Mỹ Xuyên',
      '--unit',
      'Sở Tư pháp',
      '--kind',
      'notice',
      '--round',
      '2',
      '--out',
      sheets,
    );
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ units: 2 });
    const t = flatText(sheets);
    expect(t).toContain('Kính gửi: Thủ trưởng UBND huyện Mỹ Xuyên');
    expect(t).toContain('Kính gửi: Thủ trưởng Sở Tư pháp');
    expect(t).toContain('Kết quả thẩm định sơ bộ lần 2');
  });

  it('refuses wrong invocations (exit 2) and data errors (exit 1)', async () => {
    const noOut = await cli('minutes', '--db', dbPath);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^CLI_USAGE: Thiếu --out/);
    const noDb = await cli('minutes', '--db', join(dir, 'none.sqlite'), '--out', join(dir, 'x.pdf'));
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toMatch(/^DB_NOT_FOUND: /);
    const badMeeting = join(dir, 'bad.json');
    writeFileSync(badMeeting, '{"startsAt": "15/03/2024"}');
    const bm = await cli('minutes', '--db', dbPath, '--out', join(dir, 'x.pdf'), '--meeting', badMeeting);
    expect(bm.code).toBe(1);
    expect(bm.stderr).toMatch(/^MEETING_BAD_TIME: /);
    expect(
      (await cli('sheets', '--db', dbPath, '--unit', 'all', '--kind', 'letter', '--out', join(dir, 'x.pdf'))).code,
    ).toBe(2);
    const unknown = await cli('sheets', '--db', dbPath, '--unit', 'Sở Không Có', '--out', join(dir, 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^UNIT_NOT_FOUND: /);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('exports the tables to xlsx, csv and json', async () => {
    const out = join(dir, 'ket-qua.xlsx');
    const r = await cli(
      'export-xlsx',
      '--db',
      dbPath,
      '--out',
      out,
      '--csv',
      join(dir, 'csv'),
      '--json',
      join(dir, 'ket-qua.json'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sheets).toContain('KQ UBND cấp huyện');
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'csv', 'tong-hop-xep-nhom.csv'))).toBe(true);
    expect(existsSync(join(dir, 'ket-qua.json'))).toBe(true);
  });
});
