/** intake.* through the router on the demo core: secretariat only, template out by ticket, a job's preview, commit and cancel. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFile } from '../../electron/core/files/store.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { type CoreContext, openCore } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { tempDirs } from '../db/support.ts';
import { fillTemplate, snapshot, zipFile } from './support.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { dossierTemplate } from '../../electron/core/intake/template.ts';

const temp = tempDirs('cchc-intake-h-');
const SEC = {
  name: 'Nguyễn Văn Thường',
  position: 'Chuyên viên',
  agency: 'Sở Nội vụ',
  role: 'secretariat',
  memberId: 'soc-trang-2023-thuong-truc',
};
const MEM = {
  name: 'Trần Thị Mỹ Linh',
  position: 'Phó Giám đốc',
  agency: 'Sở Tư pháp',
  role: 'member',
  memberId: 'soc-trang-2023-tv04',
};

function client(core: CoreContext, identity: unknown) {
  const router = createRouter(handlers, {
    context: {
      core,
      settings: memorySettings({ identity }),
      app: { version: 't', transport: 'http' },
      downloadUrl: () => '/download/x',
    },
  });
  // The secretariat's role takes effect with its key unlocked: made on first use, as on the "Tổng hợp" screen.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (method: string, input: unknown = {}): Promise<any> => {
    if ((identity as { role: string }).role === 'secretariat') {
      const st = await router.call('identity.status', undefined);
      if (st.ok && (st.value as { state: string }).state === 'missing')
        await router.call('identity.create', { passphrase: 'mật khẩu thường trực' });
    }
    return router.call(method, input);
  };
}

async function until(call: ReturnType<typeof client>, job: string) {
  for (;;) {
    const r = await call('intake.status', { job });
    if (!r.ok) return r;
    if ((r.value as { state: string }).state !== 'running') return r;
    await new Promise((res) => setTimeout(res, 20));
  }
}

describe('intake handlers', () => {
  let core: CoreContext;
  beforeAll(async () => {
    const dir = temp();
    copyDemoStore(dir);
    core = await openCore(dir, { demo: true });
  }, 60_000);
  afterAll(() => core.db.close());

  it('refuses a member; gives the secretariat the template, a preview job and a committed job', async () => {
    const M = client(core, MEM);
    expect(await M('intake.units')).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });
    const S = client(core, SEC);
    const units = await S('intake.units');
    expect(units.ok).toBe(true);
    const { groups } = units.value as { groups: { code: string; label: string }[] };
    expect(groups.map((g) => g.code).sort()).toEqual([
      'central_agency',
      'department',
      'district',
      'public_service_unit',
    ]);
    const t = await S('intake.template', { group: 'department' });
    expect(t.ok).toBe(true);
    const out = ticketFile(core.dataDir, 'outbox', (t.value as { ticket: string }).ticket);
    const tmpl = await dossierTemplate(core.db, 'soc-trang-2023', 'department');
    expect(readFileSync(out.path).length).toBeGreaterThan(10_000);

    const dir = temp();
    const nodes = tmpl.target.leaves;
    const wb = await fillTemplate(readFileSync(out.path), nodes, { unit: 'Sở Tư pháp' });
    const names = nodes.filter((n) => n.scoring!.kind !== 'survey').map((n) => `${n.code}.pdf`);
    const zip = zipFile(join(dir, 'e.zip'), Object.fromEntries(names.map((n) => [n, `%PDF ${n}`])));
    const up = async (name: string, bytes: Buffer) =>
      ((await S('files.upload', { name, dataBase64: bytes.toString('base64') })).value as { ticket: string }).ticket;
    const w = await up('stp.xlsx', wb);
    const e = await up('e.zip', readFileSync(zip));
    const unitId = 'soc-trang-2023-so-tu-phap';
    const before = snapshot(core.db);
    const imports = () => core.db.prepare('SELECT count(*) FROM dossier_imports WHERE unit_id = ?').pluck().get(unitId);
    const importsBefore = imports() as number; // the demo's own rounds 1 and 2
    const started = await S('intake.start', { unitId, round: 2, workbook: w, evidence: e, commit: false });
    const preview = await until(S, (started.value as { job: string }).job);
    expect(preview.value).toMatchObject({
      state: 'done',
      committed: null,
      preview: { unitName: 'Sở Tư pháp', round: 2, canCommit: true },
    });
    expect(snapshot(core.db)).toEqual(before);

    // Cancel right away: nothing written
    const c = await S('intake.start', { unitId, round: 2, workbook: w, evidence: e, commit: true });
    const job = (c.value as { job: string }).job;
    await S('intake.cancel', { job });
    const cancelled = await until(S, job);
    expect(cancelled.value).toMatchObject({ state: 'cancelled', error: { code: 'INTAKE_CANCELLED' } });
    expect(snapshot(core.db)).toEqual(before);

    const d = await S('intake.start', { unitId, round: 2, workbook: w, evidence: e, commit: true });
    const done = await until(S, (d.value as { job: string }).job);
    expect(done.value).toMatchObject({ state: 'done', committed: { preview: { round: 2 } } });
    expect(imports()).toBe(importsBefore + 1);
  }, 60_000);
});
