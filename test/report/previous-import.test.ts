import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { listAudit } from '../../electron/core/db/repos/audit.ts';
import { importPreviousResults, previousYearDeltaInput } from '../../electron/core/report/previous.ts';
import { previousYears } from '../../electron/core/db/repos/report.ts';
import { cycleReport } from '../../electron/core/report/report.ts';
import { narrativeOf } from '../../shared/report/narrative.ts';
import { outcome as codeOf, tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from './demo-db.ts';
import { FIXTURES } from './fixture.ts';

const C = DEMO_CYCLE_ID;
const DISTRICTS = join(FIXTURES, 'summary-districts.csv');
const PSU = join(FIXTURES, 'summary-public-units.csv');

describe('previous-year results import', () => {
  const temp = tempDirs('cchc-prev-');
  let db: Db;
  let dir: string;
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text, 'utf8');
    return p;
  };
  beforeAll(() => {
    dir = temp();
    db = demoDb(dir).db;
  });
  afterAll(() => db.close());

  it('previews, imports a summary table as last year, and fills the year-on-year columns', async () => {
    const preview = await importPreviousResults(db, C, [DISTRICTS, PSU], {
      fileNames: { [DISTRICTS]: 'districts.csv', [PSU]: 'psu.csv' },
    });
    expect(preview).toMatchObject({ year: 2022, precision: 2, committed: false, unmatched: [] });
    expect(preview.rows).toHaveLength(15);
    expect(preview.missing).toHaveLength(25); // departments and central agencies
    expect(preview.rows[0]).toMatchObject({
      unit: 'UBND huyện Mỹ Xuyên',
      index: '83.84',
      before: null,
      file: 'districts.csv',
      row: 2,
    });
    expect(previousYears(db, C)).toEqual([]);

    const done = await importPreviousResults(db, C, [DISTRICTS, PSU], { commit: true, actor: 'tester' });
    expect(done.committed).toBe(true);
    expect(previousYears(db, C)).toEqual([2022]);
    const report = cycleReport(db, C);
    expect(report.previousYear).toBe(2022);
    const g = report.groups.find((x) => x.group === 'district')!;
    const my = g.rows.find((r) => r.unit === 'UBND huyện Mỹ Xuyên')!;
    expect(my).toMatchObject({ index: '83.84', previousIndex: '83.84', change: '0.00' });
    const vc = g.rows.find((r) => r.unit === 'UBND thị xã Vĩnh Châu')!;
    expect(vc.previousIndex).toBe('69.05'); // recomputed from the 2-decimal table, half up
    expect(g.stats.withPrevious).toBe(11);
    const dep = report.groups.find((x) => x.group === 'department')!;
    expect(dep.rows.every((r) => r.previousIndex === null)).toBe(true);
    expect(
      narrativeOf(report)
        .flatMap((s) => s.sentences)
        .find((s) => s.key === 'group.district.average')!.text,
    ).toMatch(/so với năm 2022/);
    expect(listAudit(db, { entity: 'previous_results' })).toHaveLength(1);

    // importing the same year again replaces it
    const again = await importPreviousResults(db, C, [DISTRICTS], { commit: true });
    expect(again.rows[0]!.before).toBe('83.84');
    expect(
      cycleReport(db, C)
        .groups.find((x) => x.group === 'public_service_unit')!
        .rows.every((r) => r.previousIndex === null),
    ).toBe(true);
  });

  it('gives the previous-year-delta inputs once two earlier years are imported', async () => {
    const unit = unitIdOf(db, 'UBND huyện Long Phú');
    expect(previousYearDeltaInput(db, C, unit)).toBeNull();
    const older = file(
      '2021.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nUBND huyện Long Phú,district,95,45,12,13\n',
    );
    await importPreviousResults(db, C, [older], { year: 2021, commit: true });
    // 70 / 95 = 73,684… → 73.68; 2022: 79.04 / 95 = 83,2 → 83.20
    expect(previousYearDeltaInput(db, C, unit)).toEqual({ previousIndex: '83.20', earlierIndex: '73.68' });
    expect(previousYears(db, C)).toEqual([2022, 2021]);
  });

  it('refuses bad imports with coded errors', async () => {
    expect(await codeOf(importPreviousResults(db, C, [DISTRICTS], { year: 2023 }))).toMatch(
      /^PREVIOUS_YEAR_INVALID: .*nhỏ hơn năm của kỳ đánh giá \(2023\)/,
    );
    expect(await codeOf(importPreviousResults(db, C, [DISTRICTS], { year: 1.5 }))).toMatch(/^PREVIOUS_YEAR_INVALID/);
    expect(await codeOf(importPreviousResults(db, C, []))).toMatch(/^PREVIOUS_NO_FILES/);
    const unknown = file(
      'unknown.csv',
      'Đơn vị,Nhóm,Điểm chuẩn tối đa,Điểm tự đánh giá,Khảo sát CBCCVC,Chỉ số SIPAS\nUBND huyện Mỹ Xuyên,district,94,50,13,14\nUBND huyện Mới,district,95,50,13,14\n',
    );
    expect(await codeOf(importPreviousResults(db, C, [unknown], { fileNames: { [unknown]: 'unknown.csv' } }))).toBe(
      'PREVIOUS_UNIT_NOT_IN_CYCLE: Tệp unknown.csv, dòng 3, cột "Đơn vị": đơn vị “UBND huyện Mới” không có trong kỳ đánh giá 2023; sửa tên cho trùng với tên trong kỳ hoặc bỏ qua các đơn vị này.',
    );
    const skipped = await importPreviousResults(db, C, [unknown], { allowUnmatched: true });
    expect(skipped.unmatched).toEqual([
      { unit: 'UBND huyện Mới', group: 'district', index: '81.05', file: unknown, row: 3 },
    ]);
    const wrongGroup = file(
      'group.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nSở Tư pháp,district,94,50,13,14\n',
    );
    expect(await codeOf(importPreviousResults(db, C, [wrongGroup]))).toMatch(
      /^PREVIOUS_GROUP_MISMATCH: .*dòng 2: đơn vị “Sở Tư pháp” thuộc nhóm “UBND cấp huyện” trong tệp/,
    );
    const none = file(
      'none.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nXã A,district,94,50,13,14\n',
    );
    expect(await codeOf(importPreviousResults(db, C, [none], { allowUnmatched: true }))).toMatch(/^PREVIOUS_NO_MATCH/);
    // the summary reader's own coded errors come through
    const broken = file(
      'broken.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc\nUBND huyện Mỹ Xuyên,district,94,50,13\n',
    );
    expect(await codeOf(importPreviousResults(db, C, [broken]))).toMatch(/^SUMMARY_MISSING_COLUMN/);
    const badNumber = file(
      'nan.csv',
      'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\nUBND huyện Mỹ Xuyên,district,94,năm mươi,13,14\n',
    );
    expect(await codeOf(importPreviousResults(db, C, [badNumber]))).toMatch(
      /^SUMMARY_NOT_A_NUMBER: .*dòng 2, cột "self_assessed"/,
    );
    // nothing of the refused imports was stored
    expect(previousYears(db, C)).toEqual([2022, 2021]);
  });
});
