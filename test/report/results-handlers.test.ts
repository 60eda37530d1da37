/** results.* and meeting.* through the router (outputs checked against the contract), with the secretariat-only refusals. */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { createRouter } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import type { Report } from '../../shared/report/types.ts';
import { testCore } from '../core/core-context.ts';

const core = testCore(true);
afterAll(() => {
  core.close();
  rmSync(core.dataDir, { recursive: true, force: true });
});

const printed: string[] = [];
const printer = {
  async printToPdf(html: string) {
    printed.push(html);
    return new TextEncoder().encode('%PDF-1.4 /Type /Page %%EOF');
  },
};

function router(role: 'member' | 'secretariat') {
  const settings = memorySettings();
  settings.set('identity', { name: 'Nguyễn Thị Kim Phượng', position: 'Trưởng phòng', agency: 'Sở Nội vụ', role });
  const logs: string[] = [];
  const r = createRouter(handlers, {
    context: { core, settings, app: { version: '1', transport: 'electron' }, printer },
    log: (m) => logs.push(m),
    validateOutput: true,
  });
  if (role === 'member') return { call: r.call, logs };
  // The secretariat's role takes effect with its key unlocked: made on first use, as on the "Tổng hợp" screen.
  const call: typeof r.call = async (method, input) => {
    const st = await r.call('identity.status', undefined);
    if (st.ok && (st.value as { state: string }).state === 'missing')
      await r.call('identity.create', { passphrase: 'mật khẩu thường trực' });
    return r.call(method, input);
  };
  return { call, logs };
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
    expect(await call('meeting.save', { location: 'Phòng họp' })).toMatchObject({
      ok: false,
      error: { code: 'SECRETARIAT_ONLY' },
    });
  });

  it('let the secretariat edit a sentence and save the meeting', async () => {
    const { call } = router('secretariat');
    const e = await call('results.editNarrative', { key: 'overall.average', text: 'Câu đã sửa.' });
    expect(e.ok).toBe(true);
    const n = await call('results.narrative', undefined);
    const s = (
      n as { ok: true; value: { sections: { sentences: { key: string; text: string; edited: boolean }[] }[] } }
    ).value.sections[0]!.sentences.find((x) => x.key === 'overall.average')!;
    expect(s).toMatchObject({ text: 'Câu đã sửa.', edited: true });
    const m = await call('meeting.save', {
      location: 'Phòng họp số 1',
      startsAt: '2024-03-15T08:00',
      conclusions: ['Thống nhất kết quả.'],
    });
    expect(m).toMatchObject({
      ok: true,
      value: {
        meeting: { location: 'Phòng họp số 1', stored: true, conclusions: ['Thống nhất kết quả.'] },
        canEdit: true,
      },
    });
    const bad = await call('meeting.save', { startsAt: '2024-03-15T08:00', endsAt: '2024-03-15T07:00' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'MEETING_BAD_TIME' } });
  });
});

describe('imports, documents and exports by ticket', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('previews then commits survey points from an uploaded file; the upload ticket is used up', async () => {
    const { call, logs } = router('secretariat');
    const up = await call('files.upload', {
      name: 'dtxhh.csv',
      dataBase64: b64('Đơn vị,Khảo sát CBCCVC,Số phiếu CBCCVC\nUBND huyện Mỹ Xuyên,"14,5",120\n'),
    });
    const ticket = (up as { ok: true; value: { ticket: string } }).value.ticket;
    const p = await call('survey.preview', { ticket });
    expect(p, logs.join('\n')).toMatchObject({
      ok: true,
      value: {
        file: 'dtxhh.csv',
        kind: 'points',
        committed: false,
        respondents: 120,
        rows: [{ unit: 'UBND huyện Mỹ Xuyên', points: '14.5', previous: { points: '13.13' } }],
      },
    });
    const c = await call('survey.commit', { ticket });
    expect(c).toMatchObject({ ok: true, value: { committed: true } });
    expect(await call('survey.commit', { ticket })).toMatchObject({
      ok: false,
      error: { code: 'FILE_TICKET_UNKNOWN' },
    });
    const cur = await call('survey.current', undefined);
    const my = (
      cur as { ok: true; value: { units: { unit: string; cbccvc: { points: string; respondents: number } | null }[] } }
    ).value.units.find((u) => u.unit === 'UBND huyện Mỹ Xuyên')!;
    expect(my.cbccvc).toMatchObject({ points: '14.5', respondents: 120 });
  });

  it('prints the minutes and sheets with the context printer into outbox tickets', async () => {
    const { call } = router('secretariat');
    const m = await call('documents.minutes', { charts: false });
    expect(m).toMatchObject({
      ok: true,
      value: { fileName: 'Biên bản họp Hội đồng thẩm định Chỉ số CCHC 2023.pdf', pages: 1 },
    });
    expect(printed.at(-1)).toMatch(/BIÊN BẢN/i);
    const s = await call('documents.sheets', { unitIds: ['soc-trang-2023-huyen-my-xuyen'], kind: 'feedback' });
    expect(s).toMatchObject({ ok: true, value: { fileName: 'Phiếu phản hồi - UBND huyện Mỹ Xuyên - 2023.pdf' } });
  });

  it('exports for everybody, and takes a chart PNG', async () => {
    const { call } = router('member');
    expect(await call('export.tables', { format: 'csv', table: 'tong-hop-xep-nhom' })).toMatchObject({
      ok: true,
      value: { fileName: 'tong-hop-xep-nhom-2023.csv' },
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    expect(await call('export.chartPng', { name: 'bieu-do/../x', dataBase64: png })).toMatchObject({
      ok: true,
      value: { fileName: 'bieu-do_.._x.png' },
    });
    expect(await call('export.chartPng', { name: 'x', dataBase64: b64('not a png') })).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_NOT_PNG' },
    });
  });
});
