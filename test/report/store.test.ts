import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { listAudit } from '../../electron/core/db/repos/audit.ts';
import { setMemberFields } from '../../electron/core/db/repos/members.ts';
import { unitDrilldown } from '../../electron/core/report/drilldown.ts';
import { getMeeting, saveMeeting } from '../../electron/core/report/meeting.ts';
import { readConflicts, readConflictsOfInterest } from '../../electron/core/report/meeting-conflicts.ts';
import { minutesData } from '../../electron/core/report/minutes.ts';
import { cycleNarrative, editNarrative } from '../../electron/core/report/narrative.ts';
import { cycleReport, unitWhatIf } from '../../electron/core/report/report.ts';
import { loadCycleContext } from '../../electron/core/report/context.ts';
import { flattenDrill } from '../../shared/report/drilldown.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from './demo-db.ts';
import { readCsv, summaryRows } from './fixture.ts';

const C = DEMO_CYCLE_ID;

describe('the report from the store (demo cycle Sóc Trăng 2023)', () => {
  const temp = tempDirs('cchc-report-');
  let db: Db;
  beforeAll(() => {
    db = demoDb(temp()).db;
  });
  afterAll(() => db.close());

  it('reproduces the fixture tables: benchmark, self-assessed and surveys exactly; total and index within 0,01 (published from unrounded scores)', () => {
    const report = cycleReport(db, C);
    for (const [file, group] of [
      ['summary-districts.csv', 'district'],
      ['summary-public-units.csv', 'public_service_unit'],
    ] as const) {
      const g = report.groups.find((x) => x.group === group)!;
      const fixture = summaryRows(file);
      expect(g.count).toBe(fixture.length);
      for (const f of fixture) {
        const row = g.rows.find((r) => r.unit === f.unit)!;
        expect(row, f.unit).toBeDefined();
        expect([row.benchmark, row.selfAssessed, row.surveyCbccvc, row.surveySipas]).toEqual([
          f.benchmark,
          f.selfAssessed,
          f.cbccvc,
          f.sipas,
        ]);
        expect(Math.abs(Number(row.total) - Number(f.total))).toBeLessThanOrEqual(0.0100001);
        expect(Math.abs(Number(row.index) - Number(f.index))).toBeLessThanOrEqual(0.0100001);
      }
    }
    expect(report.units).toHaveLength(40);
    expect(report.groups.map((g) => g.count)).toEqual([19, 11, 4, 6]);
  });

  it('reproduces the fixture field tables', () => {
    const report = cycleReport(db, C);
    for (const [file, group] of [
      ['fields-districts.csv', 'district'],
      ['fields-public-units.csv', 'public_service_unit'],
    ] as const) {
      const g = report.groups.find((x) => x.group === group)!;
      for (const f of readCsv(file)) {
        const row = g.fieldRows.find((r) => r.unit === f['unit'])!;
        const points = Object.fromEntries(g.fieldColumns.map((c, i) => [c.code, row.cells[i]?.points]));
        for (const [k, v] of Object.entries(f)) {
          if (k === 'unit') continue;
          const code = /^f(\d)_/.exec(k)![1]!;
          expect(points[code], `${f['unit']} ${k}`).toBe(v);
        }
      }
    }
  });

  it('drills a unit down to fields, sub-criteria and evidence, adding up to its totals', () => {
    const id = unitIdOf(db, 'UBND huyện Mỹ Xuyên');
    const d = unitDrilldown(db, C, id);
    expect(d).toMatchObject({ benchmark: '94', total: '78.81', index: '83.84', classification: 2, rankInGroup: 1 });
    expect(d.fields.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const sumOf = (k: 'benchmark' | 'points') => d.fields.reduce((s, f) => s + Number(f[k] ?? 0), 0);
    expect(sumOf('benchmark')).toBeCloseTo(94, 9);
    expect(sumOf('points')).toBeCloseTo(78.81, 9);
    const leaves = flattenDrill(d.fields).filter((n) => n.leaf);
    expect(leaves.some((n) => n.evidence.length > 0)).toBe(true);
    expect(leaves.find((n) => n.kind === 'survey' && n.source === 'survey')).toBeDefined();
    expect(leaves.filter((n) => n.source === 'self').length).toBe(d.provisional);
    // a lowered benchmark: the node and everything below is out of the benchmark
    const exempted = flattenDrill(d.fields).filter((n) => n.exemption?.status === 'approved');
    for (const n of exempted) for (const x of flattenDrill([n])) expect(x.counted).toBe(false);
  });

  it('answers what-if for a unit of the store', () => {
    const id = unitIdOf(db, 'UBND thị xã Ngã Năm'); // 79,58%: group 3, 0,42 points short of group 2
    const r = unitWhatIf(db, C, id);
    expect(r).toMatchObject({ classification: 3, nextClassification: 2, targetIndex: '80.00' });
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.fewest).not.toBeNull();
    expect(r.candidates.every((c, i, a) => i === 0 || Number(a[i - 1]!.gain) >= Number(c.gain))).toBe(true);
  });

  it('keeps edits of the sentences, with an audit row, and reverts them', () => {
    const key = 'group.district.extremes';
    const before = cycleNarrative(db, C)
      .flatMap((s) => s.sentences)
      .find((s) => s.key === key)!;
    expect(before.edited).toBe(false);
    const after = editNarrative(db, C, key, '  Câu đã được Hội đồng sửa.  ', 'tester')
      .flatMap((s) => s.sentences)
      .find((s) => s.key === key)!;
    expect(after).toMatchObject({
      text: 'Câu đã được Hội đồng sửa.',
      generated: before.text,
      edited: true,
      stale: false,
    });
    expect(
      cycleNarrative(db, C)
        .flatMap((s) => s.sentences)
        .find((s) => s.key === key)!.edited,
    ).toBe(true);
    expect(listAudit(db, { entity: 'narrative' }).at(-1)).toMatchObject({ actor: 'tester', action: 'narrative.edit' });
    editNarrative(db, C, key, null, 'tester');
    expect(
      cycleNarrative(db, C)
        .flatMap((s) => s.sentences)
        .find((s) => s.key === key)!.text,
    ).toBe(before.text);
    expect(() => editNarrative(db, C, 'no.such.key', 'x', 'tester')).toThrow(
      expect.objectContaining({ code: 'NARRATIVE_UNKNOWN_KEY' }),
    );
  });

  it('stores the meeting with attendance and gives it to the minutes', () => {
    const m0 = getMeeting(db, C);
    expect(m0).toMatchObject({
      stored: false,
      chairName: 'Nguyễn Hoàng Minh',
      secretaryName: 'Nguyễn Thị Kim Phượng',
      issuerParent: 'UBND TỈNH SÓC TRĂNG',
    });
    const absent = 'soc-trang-2023-tv07';
    const m = saveMeeting(
      db,
      C,
      {
        startsAt: '2024-03-15T08:00',
        endsAt: '2024-03-15T11:30',
        location: 'Hội trường UBND tỉnh',
        documentDate: '2024-03-15',
        copies: 3,
        attendance: [{ memberId: absent, present: false, note: 'Đi công tác' }],
      },
      'tester',
    );
    expect(m).toMatchObject({
      stored: true,
      location: 'Hội trường UBND tỉnh',
      copies: 3,
      chairName: 'Nguyễn Hoàng Minh',
    });
    const data = minutesData(db, C);
    expect(data.absent.map((a) => [a.name, a.note])).toEqual([['Đỗ Minh Trí', 'Đi công tác']]);
    expect(data.present.map((p) => p.name)).not.toContain('Nguyễn Hoàng Minh'); // the chair presides
    expect(data.present).toHaveLength(6);
    expect(data.header.date).toEqual({ year: 2024, month: 3, day: 15 });
    expect(data.exemptions).toHaveLength(84);
    expect(data.appraised.units).toBe(40);
    expect(listAudit(db, { entity: 'meeting' })).toHaveLength(1);
    expect(() => saveMeeting(db, C, { startsAt: '15/03/2024 08:00' }, 't')).toThrow(
      expect.objectContaining({ code: 'MEETING_BAD_TIME' }),
    );
    expect(() => saveMeeting(db, C, { endsAt: '2024-03-15T07:00' }, 't')).toThrow(
      expect.objectContaining({ code: 'MEETING_BAD_TIME' }),
    );
    expect(() => saveMeeting(db, C, { attendance: [{ memberId: 'nobody', present: true, note: '' }] }, 't')).toThrow(
      expect.objectContaining({ code: 'MEETING_UNKNOWN_MEMBER' }),
    );
  });

  it('reads score conflicts (open and resolved) and conflicts of interest for the minutes', () => {
    const ctx = loadCycleContext(db, C);
    expect(readConflicts(db, C, ctx.trees)).toEqual([]);
    expect(readConflictsOfInterest(db, C)).toEqual([]);
    const unit = unitIdOf(db, 'UBND huyện Long Phú');
    setMemberFields(db, 'soc-trang-2023-tv03', ['1', '4', '5']); // two members on field 1
    const ins = db.prepare(
      "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, '1.2', ?, ?, ?, '', '2024-03-01T00:00:00Z')",
    );
    ins.run(unit, 'soc-trang-2023-tv02', JSON.stringify({ tier: 'on_time' }), '1');
    ins.run(unit, 'soc-trang-2023-tv03', JSON.stringify({ tier: 'late' }), '1/2');
    const open = readConflicts(db, C, ctx.trees);
    expect(open).toEqual([
      expect.objectContaining({
        unit: 'UBND huyện Long Phú',
        code: '1.2',
        description: 'Lê Thị Thu Hà: 1 điểm; Phan Văn Tài: 0,5 điểm',
        resolution: expect.stringMatching(/^Chưa thống nhất/),
      }),
    ]);
    db.prepare(
      "INSERT INTO final_scores (unit_id, node_code, score, decided_by, reason, basis, updated_at) VALUES (?, '1.2', '1/2', 'soc-trang-2023-thuong-truc', 'Báo cáo gửi muộn 3 ngày', ?, 'now')",
    ).run(unit, 'soc-trang-2023-tv02=1;soc-trang-2023-tv03=1/2');
    const resolved = readConflicts(db, C, ctx.trees);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.resolution).toBe('Thống nhất 0,5 điểm: Báo cáo gửi muộn 3 ngày (Nguyễn Thị Kim Phượng).');
    db.prepare(
      "INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at) VALUES (?, 'soc-trang-2023-tv04', 'Thành viên công tác tại đơn vị', 'now')",
    ).run(unitIdOf(db, 'Sở Tư pháp'));
    expect(readConflictsOfInterest(db, C)).toEqual([
      {
        member: 'Trần Thị Mỹ Linh',
        unit: 'Sở Tư pháp',
        description: 'Thành viên công tác tại đơn vị',
        resolution: 'không tham gia thẩm định hồ sơ của đơn vị này',
      },
    ]);
    // the final score now counts for the unit
    const d = unitDrilldown(db, C, unit);
    const leaf = flattenDrill(d.fields).find((n) => n.code === '1.2')!;
    expect(leaf).toMatchObject({
      source: 'final',
      appraised: '0.5',
      final: { score: '0.5', reason: 'Báo cáo gửi muộn 3 ngày' },
    });
    expect(leaf.appraisals.map((a) => [a.memberName, a.score, a.assigned])).toEqual(
      expect.arrayContaining([
        ['Lê Thị Thu Hà', '1', true],
        ['Phan Văn Tài', '0.5', true],
      ]),
    );
  });
});
