/** results.* and meeting.* through the router (outputs checked against the contract), with the secretariat-only refusals. */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { createRouter } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import type { Report } from '../../shared/report/types.ts';
import { testCore } from '../main/core-context.ts';

const core = testCore(true);
afterAll(() => {
  core.close();
  rmSync(core.dataDir, { recursive: true, force: true });
});

function router(role: 'member' | 'secretariat') {
  const settings = memorySettings();
  settings.set('identity', { name: 'Nguyễn Thị Kim Phượng', position: 'Trưởng phòng', agency: 'Sở Nội vụ', role });
  const logs: string[] = [];
  const r = createRouter(handlers, { context: { core, settings, app: { version: '1', transport: 'http' } }, log: (m) => logs.push(m), validateOutput: true });
  return { call: r.call, logs };
}

describe('results handlers', () => {
  it('give everybody the report, a unit drill-down, the charts, the narrative and a what-if', async () => {
    const { call, logs } = router('member');
    const rep = await call('results.report', undefined);
    expect(logs).toEqual([]);
    expect(rep.ok).toBe(true);
    const { report, access } = (rep as { ok: true; value: { report: Report; access: { canEdit: boolean } } }).value;
    expect(access.canEdit).toBe(false);
    expect(report.units).toHaveLength(40);
    const district = report.groups.find((g) => g.group === 'district')!;
    expect(district.rows.map((r) => r.stt)).toEqual(district.rows.map((_, i) => i + 1));
    const unitId = district.rows[0]!.unitId;
    for (const [m, input] of [
      ['results.unit', { unitId }],
      ['results.charts', undefined],
      ['results.narrative', undefined],
      ['results.whatIf', { unitId: district.rows.at(-1)!.unitId }],
      ['meeting.get', undefined],
    ] as const) {
      const r = await call(m, input);
      expect(r.ok, `${m}: ${JSON.stringify(r)} ${logs.join('\n')}`).toBe(true);
    }
  });

  it('refuse narrative edits and meeting details to a member, in Vietnamese', async () => {
    const { call } = router('member');
    const e = await call('results.editNarrative', { key: 'overall.average', text: 'X' });
    expect(e).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });
    expect((e as { error: { message: string } }).error.message).toMatch(/Chỉ cơ quan thường trực/);
    expect(await call('meeting.save', { location: 'Phòng họp' })).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });
  });

  it('let the secretariat edit a sentence and save the meeting', async () => {
    const { call } = router('secretariat');
    const e = await call('results.editNarrative', { key: 'overall.average', text: 'Câu đã sửa.' });
    expect(e.ok).toBe(true);
    const n = await call('results.narrative', undefined);
    const s = (n as { ok: true; value: { sections: { sentences: { key: string; text: string; edited: boolean }[] }[] } }).value.sections[0]!.sentences.find((x) => x.key === 'overall.average')!;
    expect(s).toMatchObject({ text: 'Câu đã sửa.', edited: true });
    const m = await call('meeting.save', { location: 'Phòng họp số 1', startsAt: '2024-03-15T08:00', conclusions: ['Thống nhất kết quả.'] });
    expect(m).toMatchObject({ ok: true, value: { meeting: { location: 'Phòng họp số 1', stored: true, conclusions: ['Thống nhất kết quả.'] }, canEdit: true } });
    const bad = await call('meeting.save', { startsAt: '2024-03-15T08:00', endsAt: '2024-03-15T07:00' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'MEETING_BAD_TIME' } });
  });
});
