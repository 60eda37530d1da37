import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { listAudit } from '../../electron/core/db/repos/audit.ts';
import { listCycleSurveyPoints } from '../../electron/core/db/repos/survey.ts';
import { cycleFigures } from '../../electron/core/results/cycle-results.ts';
import { importSurveyFile, surveyResponseSummaries } from '../../electron/core/survey/import.ts';
import { getSurveyScale, setSurveyScale } from '../../electron/core/survey/scale.ts';
import { serialize } from '../../shared/decimal/rational.ts';
import { seed } from '../db/seed.ts';
import { outcome as codeOf, tempDirs } from '../db/support.ts';

describe('survey imports (points per unit; raw responses aggregated)', () => {
  const temp = tempDirs('cchc-survey-');
  let dir: string;
  let db: Db;
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text, 'utf8');
    return p;
  };
  beforeAll(() => {
    dir = temp();
    db = seed(dir); // two districts, CBCCVC and SIPAS sub-criteria of 10 points each
  });
  afterAll(() => db.close());

  it('previews, then imports points per unit with respondents, in one transaction with audit rows', async () => {
    const p = file(
      'points.csv',
      'STT,Đơn vị,Khảo sát CBCCVC,Chỉ số SIPAS,Số phiếu CBCCVC\n1,UBND huyện A,9.5,"8,25",120\n2,ubnd  huyện b,7,6.75,\n',
    );
    const preview = await importSurveyFile(db, 'c', p);
    expect(preview).toMatchObject({
      kind: 'points',
      committed: false,
      source: null,
      respondents: 120,
      missing: [],
      unmatched: [],
    });
    expect(preview.rows.map((r) => [r.unit, r.source, r.points, r.max, r.respondents, r.previous?.points])).toEqual([
      ['UBND huyện A', 'cbccvc', '9.5', '10', 120, '8.5'],
      ['UBND huyện A', 'sipas', '8.25', '10', null, '7.25'],
      ['UBND huyện B', 'cbccvc', '7', '10', null, '8.5'],
      ['UBND huyện B', 'sipas', '6.75', '10', null, '7.25'],
    ]);
    expect(listCycleSurveyPoints(db, 'c').find((s) => s.unitId === 'u1' && s.source === 'cbccvc')!.points).toBe('8.5');
    const done = await importSurveyFile(db, 'c', p, { commit: true, actor: 'tester' });
    expect(done.committed).toBe(true);
    const a = cycleFigures(db, 'c').find((f) => f.unit === 'UBND huyện A')!;
    expect(serialize(a.surveyCbccvc)).toBe('19/2');
    expect(serialize(a.surveySipas)).toBe('33/4');
    expect(listCycleSurveyPoints(db, 'c').find((s) => s.unitId === 'u1' && s.source === 'cbccvc')!.respondents).toBe(
      120,
    );
    expect(listAudit(db, { entity: 'survey_points' })).toHaveLength(4);
  });

  it('refuses bad points files with coded errors naming file, row and column', async () => {
    expect(
      await codeOf(importSurveyFile(db, 'c', file('a.csv', 'Đơn vị,Chỉ số SIPAS\nUBND huyện A,8\nUBND huyện Z,7\n'))),
    ).toBe(
      'SURVEY_UNKNOWN_UNIT: Tệp ' +
        join(dir, 'a.csv') +
        ', dòng 3, cột "Đơn vị": đơn vị "UBND huyện Z" không có trong kỳ đánh giá.',
    );
    expect(
      await codeOf(
        importSurveyFile(db, 'c', file('b.csv', 'unit,survey_sipas\nUBND huyện A,10.5\n'), { fileName: 'b.csv' }),
      ),
    ).toBe(
      'SURVEY_POINTS_RANGE: Tệp b.csv, dòng 2, cột "survey_sipas": điểm 10.5 vượt điểm tối đa 10 của Chỉ số SIPAS.',
    );
    expect(
      await codeOf(
        importSurveyFile(db, 'c', file('c.csv', 'unit,survey_sipas\nUBND huyện A,tám\n'), { fileName: 'c.csv' }),
      ),
    ).toMatch(/^SURVEY_NOT_A_NUMBER: Tệp c.csv, dòng 2/);
    expect(
      await codeOf(
        importSurveyFile(db, 'c', file('d.csv', 'unit,survey_sipas\nUBND huyện A,-1\n'), { fileName: 'd.csv' }),
      ),
    ).toMatch(/^SURVEY_POINTS_RANGE: .*số âm/);
    expect(
      await codeOf(
        importSurveyFile(db, 'c', file('e.csv', 'unit,survey_sipas\nUBND huyện A,1\nUBND huyện A,2\n'), {
          fileName: 'e.csv',
        }),
      ),
    ).toMatch(/^SURVEY_DUPLICATE_UNIT: Tệp e.csv, dòng 3, .*đã có ở dòng 2/);
    expect(
      await codeOf(importSurveyFile(db, 'c', file('f.csv', 'name,survey_sipas\nA,1\n'), { fileName: 'f.csv' })),
    ).toMatch(/^SURVEY_MISSING_COLUMN: .*"unit"/);
    expect(
      await codeOf(importSurveyFile(db, 'c', file('g.csv', 'unit,points\nUBND huyện A,1\n'), { fileName: 'g.csv' })),
    ).toMatch(/^SURVEY_MISSING_COLUMN: .*survey_cbccvc/);
    expect(await codeOf(importSurveyFile(db, 'c', join(dir, 'none.csv')))).toMatch(/^SURVEY_FILE_UNREADABLE/);
    expect(await codeOf(importSurveyFile(db, 'c', file('h.txt', 'x')))).toMatch(/^SURVEY_UNSUPPORTED_FORMAT/);
    // allowUnmatched skips the unknown unit and says so
    const skip = await importSurveyFile(db, 'c', join(dir, 'a.csv'), { allowUnmatched: true });
    expect(skip.unmatched).toEqual([{ unit: 'UBND huyện Z', row: 3 }]);
    expect(skip.missing).toEqual([{ unitId: 'u2', unit: 'UBND huyện B', source: 'sipas' }]);
  });

  it('aggregates raw responses exactly (A 100%, B 60%, C 20%, D 0%) and shows the counts', async () => {
    const p = file(
      'responses.csv',
      [
        'Mã phiếu,Đơn vị,Câu 1,Câu 2,Câu 3,Ghi chú',
        '1,UBND huyện A,A,B,C,',
        '2,UBND huyện A,a,A,D,x',
        '3,UBND huyện B,C,,C,',
        '4,UBND huyện B,B,B,B,',
      ].join('\r\n'),
    );
    expect(await codeOf(importSurveyFile(db, 'c', p))).toMatch(/^SURVEY_SOURCE_REQUIRED/);
    const r = await importSurveyFile(db, 'c', p, { source: 'sipas', commit: true, actor: 'tester' });
    expect(r).toMatchObject({ kind: 'responses', source: 'sipas', respondents: 4, answers: 11, committed: true });
    // A: counts A3 B1 C1 D1 → (3 + 0.6 + 0.2) / 6 = 19/30 → × 10 = 19/3
    // B: counts B3 C2 (one blank) → (1.8 + 0.4) / 5 = 0.44 → × 10 = 4.4
    expect(
      r.rows.map((x) => [x.unit, x.respondents, x.answers, x.blanks, x.optionCounts, x.satisfaction, x.points]),
    ).toEqual([
      ['UBND huyện A', 2, 6, 0, { A: 3, B: 1, C: 1, D: 1 }, '0.633333', '6.333333'],
      ['UBND huyện B', 2, 5, 1, { A: 0, B: 3, C: 2, D: 0 }, '0.44', '4.4'],
    ]);
    const stored = listCycleSurveyPoints(db, 'c').filter((s) => s.source === 'sipas');
    expect(stored.map((s) => [s.unitId, s.points, s.respondents])).toEqual([
      ['u1', '19/3', 2],
      ['u2', '22/5', 2],
    ]);
    expect(
      surveyResponseSummaries(db, 'c').map((s) => [s.unitId, s.source, s.respondents, s.answers, s.points]),
    ).toEqual([
      ['u1', 'sipas', 2, 6, '6.333333'],
      ['u2', 'sipas', 2, 5, '4.4'],
    ]);
  });

  it('refuses an answer outside the scale, naming row and column; uses the cycle scale', async () => {
    const p = file('bad.csv', 'unit,Q1,Q2\nUBND huyện A,A,B\nUBND huyện B,B,E\n');
    expect(await codeOf(importSurveyFile(db, 'c', p, { source: 'cbccvc', fileName: 'bad.csv' }))).toBe(
      'SURVEY_UNKNOWN_ANSWER: Tệp bad.csv, dòng 3, cột "Q2": câu trả lời "E" không thuộc thang đo (A, B, C, D).',
    );
    expect(
      await codeOf(
        importSurveyFile(db, 'c', file('noq.csv', 'unit,x\nUBND huyện A,A\n'), { kind: 'responses', source: 'cbccvc' }),
      ),
    ).toMatch(/^SURVEY_NO_QUESTIONS/);
    expect(() =>
      setSurveyScale(
        db,
        'c',
        'cbccvc',
        {
          options: [
            { key: 'A', label: '', weight: '2' },
            { key: 'E', label: '', weight: '0' },
          ],
        },
        't',
      ),
    ).toThrow(expect.objectContaining({ code: 'SURVEY_SCALE_BAD_WEIGHT' }));
    setSurveyScale(
      db,
      'c',
      'cbccvc',
      {
        options: [
          { key: 'A', label: 'Tốt', weight: '1' },
          { key: 'B', label: 'Khá', weight: '0.5' },
          { key: 'E', label: 'Kém', weight: '0' },
        ],
      },
      't',
    );
    expect(getSurveyScale(db, 'c', 'cbccvc').options.map((o) => o.key)).toEqual(['A', 'B', 'E']);
    const r = await importSurveyFile(db, 'c', p, { source: 'cbccvc' });
    // A: (1 + 0.5) / 2 × 10 = 7.5; B: (0.5 + 0) / 2 × 10 = 2.5
    expect(r.rows.map((x) => x.points)).toEqual(['7.5', '2.5']);
  });

  it('reads responses from .xlsx', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow(['Đơn vị', 'C1', 'C2']);
    ws.addRow(['UBND huyện A', 'A', 'A']);
    ws.addRow(['UBND huyện B', 'D', 'A']);
    const p = join(dir, 'r.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await importSurveyFile(db, 'c', p, { source: 'sipas' });
    expect(r.rows.map((x) => [x.unit, x.points])).toEqual([
      ['UBND huyện A', '10'],
      ['UBND huyện B', '5'],
    ]);
  });

  it('refuses to import into a finalised cycle', async () => {
    db.prepare("UPDATE cycles SET status = 'finalised' WHERE id = 'c'").run();
    try {
      expect(await codeOf(importSurveyFile(db, 'c', join(dir, 'points.csv'), { commit: true }))).toMatch(
        /^CYCLE_FINALISED/,
      );
      expect((await importSurveyFile(db, 'c', join(dir, 'points.csv'))).committed).toBe(false); // a preview still works
    } finally {
      db.prepare("UPDATE cycles SET status = 'open' WHERE id = 'c'").run();
    }
  });
});
