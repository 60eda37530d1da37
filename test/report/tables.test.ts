import { describe, expect, it } from 'vitest';
import { rat } from '../../shared/decimal/rational.ts';
import { applyNarrativeEdits, generateNarrative, narrativeOf } from '../../shared/report/narrative.ts';
import { buildReport } from '../../shared/report/tables.ts';
import { fixtureInput, summaryRows } from './fixture.ts';

const sentence = (sections: ReturnType<typeof narrativeOf>, key: string) =>
  sections.flatMap((s) => s.sentences).find((s) => s.key === key)?.text;

describe('report tables from the 2023 fixture tables', () => {
  const report = buildReport(fixtureInput());
  const districts = report.groups.find((g) => g.group === 'district')!;
  const psu = report.groups.find((g) => g.group === 'public_service_unit')!;

  it('reproduces every published column of the district table, sorted by index, with STT', () => {
    const fixture = summaryRows('summary-districts.csv');
    expect(districts.rows.map((r) => r.unit)).toEqual(fixture.map((r) => r.unit));
    districts.rows.forEach((r, i) => {
      const f = fixture[i]!;
      expect(r.stt).toBe(i + 1);
      expect([r.benchmark, r.surveyCbccvc, r.surveySipas, r.total, r.index]).toEqual([
        f.benchmark,
        f.cbccvc,
        f.sipas,
        f.total,
        f.index,
      ]);
      expect(Math.abs(Number(r.selfAssessed) - Number(f.selfAssessed))).toBeLessThanOrEqual(0.0100001);
    });
    expect(districts.rows[0]).toMatchObject({
      unit: 'UBND huyện Mỹ Xuyên',
      index: '83.84',
      classification: 2,
      rankInGroup: 1,
    });
    expect(districts.rows[10]).toMatchObject({
      unit: 'UBND thị xã Vĩnh Châu',
      index: '69.06',
      classification: 3,
      rankInGroup: 11,
    });
  });

  it('reproduces the public service units table and its ranks', () => {
    const fixture = summaryRows('summary-public-units.csv');
    expect(psu.rows.map((r) => [r.unit, r.index, r.total])).toEqual(fixture.map((f) => [f.unit, f.index, f.total]));
    expect(psu.rows.map((r) => r.classification)).toEqual([2, 3, 3, 3]);
  });

  it('has the TRUNG BÌNH row: column means and the mean of published indices', () => {
    // (83.84 + 83.20 + 79.59 + 78.21 + 78.08 + 77.38 + 77.33 + 76.74 + 74.44 + 69.99 + 69.06) / 11 = 77.0781… → 77.08
    expect(districts.average.index).toBe('77.08');
    expect(districts.stats.average).toBe('77.08');
    expect(districts.average.benchmark).toBe('95.16'); // 1046.75 / 11 = 95.1590…
    expect(districts.stats).toMatchObject({
      count: 11,
      highest: { unit: 'UBND huyện Mỹ Xuyên', value: '83.84' },
      lowest: { unit: 'UBND thị xã Vĩnh Châu', value: '69.06' },
      spread: '14.78',
      classificationCounts: { '1': 0, '2': 2, '3': 9, '4': 0, '5': 0 },
      previousAverage: null,
    });
  });

  it('lists all units with their classification and overall ranks', () => {
    expect(report.units).toHaveLength(15);
    expect(report.units[0]).toMatchObject({
      unit: 'Ban Quản lý Dự án 2',
      index: '88.07',
      classification: 2,
      rankOverall: 1,
      groupLabel: 'Đơn vị sự nghiệp công lập tỉnh',
    });
    expect(report.units.map((u) => u.rankOverall)).toEqual(report.units.map((_, i) => i + 1));
    expect(report.overall?.classificationCounts).toEqual({ '1': 0, '2': 3, '3': 12, '4': 0, '5': 0 });
  });

  it('writes the report sentences on the fixture numbers', () => {
    const n = narrativeOf(report);
    expect(sentence(n, 'group.district.extremes')).toBe(
      'Đơn vị có Chỉ số CCHC cao nhất là UBND huyện Mỹ Xuyên với 83,84%; thấp nhất là UBND thị xã Vĩnh Châu với 69,06%; khoảng cách giữa đơn vị cao nhất và thấp nhất là 14,78%.',
    );
    expect(sentence(n, 'group.district.average')).toBe(
      'Chỉ số CCHC trung bình của khối UBND cấp huyện (11 đơn vị) đạt 77,08%.',
    );
    expect(sentence(n, 'group.district.counts')).toBe(
      'Về xếp nhóm: không có đơn vị nào đạt Nhóm 1 (trên 90%); 2 đơn vị đạt Nhóm 2 (từ 80% đến 90%), gồm: UBND huyện Mỹ Xuyên và UBND huyện Long Phú; 9 đơn vị đạt Nhóm 3 (từ 65% đến dưới 80%); không có đơn vị nào đạt Nhóm 4 (từ 50% đến dưới 65%); không có đơn vị nào đạt Nhóm 5 (dưới 50%).',
    );
    expect(sentence(n, 'group.public_service_unit.extremes')).toContain(
      'cao nhất là Ban Quản lý Dự án 2 với 88,07%; thấp nhất là Trường Cao đẳng Cộng đồng Sóc Trăng với 70,54%',
    );
    // not finalised: a draft, never "the council has appraised and determined"
    expect(sentence(n, 'overall.summary')).toBe(
      'Kết quả tạm tính (Hội đồng chưa chốt kết quả) Chỉ số CCHC năm 2023 của 15 cơ quan, đơn vị, gồm: 11 UBND cấp huyện; 4 đơn vị sự nghiệp công lập tỉnh.',
    );
    expect(report.status).toEqual({
      finalised: false,
      snapshotHash: null,
      finalisedAt: null,
      unresolvedConflicts: 0,
      provisionalScores: 0,
      notComputable: 0,
    });
    const final = buildReport({
      ...fixtureInput(),
      state: { finalised: true, snapshotHash: 'a'.repeat(64), finalisedAt: '2024-03-15T08:00:00Z' },
    });
    expect(sentence(narrativeOf(final), 'overall.summary')).toBe(
      'Năm 2023, Hội đồng thẩm định đã thẩm định và xác định Chỉ số CCHC của 15 cơ quan, đơn vị, gồm: 11 UBND cấp huyện; 4 đơn vị sự nghiệp công lập tỉnh.',
    );
    const open = buildReport({
      ...fixtureInput(),
      units: fixtureInput().units.map((u, i) => (i === 0 ? { ...u, conflicts: 2, provisional: 3 } : u)),
    });
    expect(open.status).toMatchObject({ unresolvedConflicts: 2, provisionalScores: 3 });
    expect(sentence(narrativeOf(open), 'overall.summary')).toContain(
      '; còn 2 tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết; 3 lượt tiêu chí thành phần còn tạm tính theo điểm tự đánh giá.',
    );
  });

  it('adds the year-on-year columns, averages and sentences when previous results exist', () => {
    const prev = new Map<string, bigint>([
      ['UBND huyện Mỹ Xuyên', 8100n],
      ['UBND thị xã Vĩnh Châu', 7106n],
    ]);
    const r = buildReport(fixtureInput(prev));
    const g = r.groups.find((x) => x.group === 'district')!;
    expect(g.rows[0]).toMatchObject({ previousIndex: '81.00', change: '2.84' });
    expect(g.rows[10]).toMatchObject({ previousIndex: '71.06', change: '-2.00' });
    expect(g.rows[1]).toMatchObject({ previousIndex: null, change: null });
    // previous average over the units that have one: (81.00 + 71.06) / 2 = 76.03, but with 2 of 11
    // units it is not comparable with this year's average of 11, so no change is stated
    expect(g.stats).toMatchObject({ previousAverage: '76.03', averageChange: null, withPrevious: 2 });
    const n = narrativeOf(r);
    expect(sentence(n, 'group.district.average')).toBe(
      'Chỉ số CCHC trung bình của khối UBND cấp huyện (11 đơn vị) đạt 77,08%.',
    );
    expect(sentence(n, 'group.district.changes')).toBe(
      'So với năm 2022, 1/2 đơn vị tăng Chỉ số; 1 đơn vị giảm (UBND thị xã Vĩnh Châu giảm 2,00%).',
    );
  });

  it('states the change of a group average only when every unit has last year’s index', () => {
    const districts = [
      'UBND huyện Mỹ Xuyên',
      'UBND huyện Long Phú',
      'UBND thị xã Ngã Năm',
      'UBND huyện Châu Thành',
      'UBND huyện Kế Sách',
      'UBND huyện Thạnh Trị',
      'UBND huyện Cù Lao Dung',
      'UBND huyện Mỹ Tú',
      'UBND thành phố Sóc Trăng',
      'UBND huyện Trần Đề',
      'UBND thị xã Vĩnh Châu',
    ];
    const prev = new Map<string, bigint>(districts.map((d) => [d, 7600n]));
    const g = buildReport(fixtureInput(prev)).groups.find((x) => x.group === 'district')!;
    expect(g.stats).toMatchObject({ previousAverage: '76.00', averageChange: '1.08', withPrevious: 11 });
    expect(sentence(narrativeOf(buildReport(fixtureInput(prev))), 'group.district.average')).toBe(
      'Chỉ số CCHC trung bình của khối UBND cấp huyện (11 đơn vị) đạt 77,08%, tăng 1,08% so với năm 2022 (76,00%).',
    );
  });

  it('keeps edits by key and flags those made on other figures', () => {
    const generated = generateNarrative(report);
    const key = 'group.district.extremes';
    const original = sentence(narrativeOf(report), key)!;
    const fresh = applyNarrativeEdits(generated, { [key]: { text: 'Câu đã sửa.', generated: original } });
    expect(fresh.flatMap((s) => s.sentences).find((s) => s.key === key)).toMatchObject({
      text: 'Câu đã sửa.',
      generated: original,
      edited: true,
      stale: false,
    });
    const stale = applyNarrativeEdits(
      generated,
      new Map([[key, { text: 'Câu cũ.', generated: 'Câu sinh ra trước đây.' }]]),
    );
    expect(stale.flatMap((s) => s.sentences).find((s) => s.key === key)).toMatchObject({
      text: 'Câu cũ.',
      edited: true,
      stale: true,
    });
  });

  it('builds the field table with percentages and per-field statistics', () => {
    const input = fixtureInput();
    const withFields = {
      ...input,
      units: input.units.slice(0, 3).map((u, i) => ({
        ...u,
        fields: [
          { code: '1', title: 'Chỉ đạo, điều hành', benchmark: rat(14), points: rat(10 + i) },
          { code: '2', title: 'Thể chế', benchmark: rat(0), points: rat(0) },
        ],
      })),
    };
    const g = buildReport(withFields).groups[0]!;
    expect(g.fieldColumns).toEqual([
      { code: '1', title: 'Chỉ đạo, điều hành' },
      { code: '2', title: 'Thể chế' },
    ]);
    expect(g.fieldRows[0]!.cells[0]).toEqual({ benchmark: '14', points: '10.00', percent: '71.43' });
    expect(g.fieldRows[0]!.cells[1]).toEqual({ benchmark: '0', points: '0.00', percent: null });
    // 10/14, 11/14, 12/14 → 71.43, 78.57, 85.71; mean 78.57
    expect(g.fieldStats).toEqual([
      expect.objectContaining({
        code: '1',
        count: 3,
        averagePercent: '78.57',
        averagePoints: '11.00',
        spread: '14.28',
        highest: expect.objectContaining({ value: '85.71' }),
      }),
    ]);
    const n = narrativeOf(buildReport(withFields));
    expect(sentence(n, 'group.district.field.1')).toMatch(
      /^Lĩnh vực Chỉ đạo, điều hành: tỷ lệ điểm trung bình đạt 78,57%; cao nhất là .+ \(85,71%\), thấp nhất là .+ \(71,43%\), chênh lệch 14,28%\.$/,
    );
  });
});
