/**
 * setup.* through the router (inputs and outputs checked against the contract): the secretariat
 * creates a cycle from uploaded files, the app then opens it (workspace scope), a council member
 * is refused; refusals of uploaded files come back coded with file, row and column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/handlers/index.ts';
import { openCore } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { tempDirs } from '../db/support.ts';
import { rosterRows, unitRows, writeCsv } from './files.ts';

describe('setup handlers', () => {
  const temp = tempDirs('cchc-setup-h-');

  it('creates a cycle, imports units and a roster from uploads; the app opens the new cycle; members are refused', async () => {
    const core = await openCore(temp());
    const make = (identity: unknown) => {
      const router = createRouter(handlers, {
        context: { core, settings: memorySettings({ identity }), app: { version: 't', transport: 'http' } },
      });
      // The secretariat's role takes effect with its key unlocked: made on first use, as on the "Tổng hợp" screen.
      return async (method: string, input?: unknown) => {
        if ((identity as { role?: string } | null)?.role === 'secretariat') {
          const st = await router.call('identity.status', undefined);
          if (st.ok && (st.value as { state: string }).state === 'missing')
            await router.call('identity.create', { passphrase: 'mật khẩu thường trực' });
        }
        return router.call(method, input);
      };
    };
    const S = make({
      name: 'Nguyễn Văn Thường',
      position: 'Chuyên viên',
      agency: 'Sở Nội vụ',
      role: 'secretariat',
      memberId: 'soc-trang-2023-thuong-truc',
    });
    const M = make({
      name: 'Trần Thị Mỹ Linh',
      position: 'Phó Giám đốc',
      agency: 'Sở Tư pháp',
      role: 'member',
      memberId: 'soc-trang-2023-tv04',
    });
    const upload = async (path: string) => {
      const r = await S('files.upload', {
        name: path.split('/').pop(),
        dataBase64: readFileSync(path).toString('base64'),
      });
      expect(r.ok).toBe(true);
      return (r as { value: { ticket: string } }).value.ticket;
    };

    expect(await M('setup.overview')).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });
    const before = await S('workspace.overview');
    expect(before.ok && (before.value as { cycle: { id: string } }).cycle.id).toBe('soc-trang-2023');

    const created = await S('setup.createCycle', {
      name: 'Chỉ số CCHC năm 2025',
      year: 2025,
      province: 'Sóc Trăng',
      precision: 2,
      decision: 'Quyết định số 5/QĐ-UBND',
      councilDecision: '',
      groups: [{ preset: 'department' }, { preset: 'commune' }],
    });
    expect(created).toMatchObject({ ok: true, value: { id: 'soc-trang-2025', current: true } });
    const after = await S('workspace.overview');
    expect(after.ok && (after.value as { cycle: { id: string } }).cycle.id).toBe('soc-trang-2025');

    const dir = temp();
    const bad = await S('setup.previewUnits', {
      ticket: await upload(
        writeCsv(dir, 'x.csv', [
          ['unit', 'group'],
          ['UBND huyện A', 'district'],
        ]),
      ),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'SETUP_UNKNOWN_GROUP', details: { file: 'x.csv', row: 2, column: 'group' } },
    });
    const ticket = await upload(writeCsv(dir, 'don-vi.csv', unitRows()));
    expect(await S('setup.previewUnits', { ticket })).toMatchObject({
      ok: true,
      value: { added: 140, committed: false },
    });
    expect(await S('setup.commitUnits', { ticket })).toMatchObject({ ok: true, value: { committed: true } });
    const units = await S('setup.units');
    expect(units.ok && (units.value as { units: unknown[] }).units).toHaveLength(140);

    const rt = await upload(writeCsv(dir, 'hoi-dong.csv', rosterRows()));
    expect(await S('setup.commitRoster', { ticket: rt })).toMatchObject({ ok: true, value: { added: 6 } });
    const roster = await S('setup.roster');
    expect(
      roster.ok && (roster.value as { members: { councilRole: string }[] }).members.map((m) => m.councilRole),
    ).toEqual(['chair', 'vice_chair', 'member', 'member', 'member', 'secretary']);
    expect(
      await M('setup.addMember', { name: 'X', position: '', agency: '', role: 'member', fields: [] }),
    ).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });

    // back to the demo cycle: it stays readable
    expect(await S('setup.setCurrent', { cycleId: 'soc-trang-2023' })).toMatchObject({
      ok: true,
      value: { current: true, units: 40 },
    });
    core.db.close();
  }, 60_000);
});
