/**
 * two machines started as the README says (each with the demo cycle): a demo
 * member scores on first run, then hands it in to a demo secretariat on a second data folder.
 * Before, the member's machine refused the secretariat's cycle package (EXCHANGE_CYCLE_EXISTS),
 * so his key never reached his roster and his export stayed refused. Through the router, as the UI calls it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFile } from '../../electron/core/files/store.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { type CoreContext, openCore } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { tempDirs } from '../db/support.ts';

const SEC = 'soc-trang-2023-thuong-truc';
const LINH = 'soc-trang-2023-tv04';
const MY_TU = 'soc-trang-2023-huyen-my-tu';
type Call = (method: string, input?: unknown) => Promise<any>;

function client(core: CoreContext, identity: unknown): Call {
  const settings = memorySettings({ identity });
  const router = createRouter(handlers, {
    context: { core, settings, app: { version: 't', transport: 'http' }, downloadUrl: () => '/download/x' },
  });
  return async (method, input) => {
    const r = await router.call(method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), r.error);
    return r.value;
  };
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { code: string; message: string }) => e,
  );
async function carry(from: CoreContext, ticket: string, to: Call): Promise<string> {
  const f = ticketFile(from.dataDir, 'outbox', ticket);
  return (await to('files.upload', { name: f.name, dataBase64: readFileSync(f.path).toString('base64') }))
    .ticket as string;
}

describe('the demo round trip on two data folders started as the README says', () => {
  const newDir = tempDirs('cchc-demo-trip-');
  let sec: CoreContext;
  let mem: CoreContext;
  beforeAll(async () => {
    sec = await openCore(newDir());
    mem = await openCore(newDir());
  });
  afterAll(() => {
    sec.close();
    mem.close();
  });

  it('member scores, secretariat registers her key and sends the cycle, member takes it over her demo and hands in her scores', async () => {
    const S = client(sec, {
      name: 'Nguyễn Văn Thường',
      position: 'Chuyên viên',
      agency: 'Sở Nội vụ',
      role: 'secretariat',
      memberId: SEC,
    });
    const M = client(mem, {
      name: 'Trần Thị Mỹ Linh',
      position: 'Phó Giám đốc',
      agency: 'Sở Tư pháp',
      role: 'member',
      memberId: LINH,
    });

    // First run on the demo: she scores at once (one by hand, the rest of field 2 of Mỹ Tú by agreeing).
    expect((await M('workspace.overview')).cycle).toMatchObject({ id: 'soc-trang-2023', demo: true });
    await M('appraisal.set', {
      unitId: MY_TU,
      nodeCode: '2.1.2',
      input: { met: false },
      comment: 'Không lấy ý kiến dự thảo',
    });
    const agreed = await M('appraisal.agree', { unitId: MY_TU, fieldCode: '2' });
    expect(agreed.saved.length).toBeGreaterThan(5);
    await M('identity.create', { passphrase: 'mật khẩu của Linh' });
    // Her key is not on her machine's roster yet: nothing can be handed in.
    expect((await M('exchange.status')).rosterKey).not.toBe('ok');

    // The secretariat registers her key and issues the demo cycle package.
    await S('identity.create', { passphrase: 'mật khẩu thường trực' });
    const pub = await M('identity.exportPublicKey');
    await S('secretariat.registerKey', {
      memberId: LINH,
      ticket: await carry(mem, pub.ticket, S),
      reason: 'Đối chiếu dấu vân tay qua điện thoại',
    });
    const cycle = await S('secretariat.exportCycle');

    // Her machine takes it over its own demo cycle (before: EXCHANGE_CYCLE_EXISTS); her scores stay.
    const ticket = await carry(sec, cycle.file.ticket, M);
    const preview = await M('exchange.previewCycle', { ticket });
    expect(preview).toMatchObject({ state: 'new', me: { id: LINH } });
    expect(await M('exchange.importCycle', { ticket, fingerprint: preview.signer.display })).toMatchObject({
      status: 'imported',
      linkedTo: { id: LINH },
    });
    expect((await M('exchange.status')).rosterKey).toBe('ok');
    const mine = (await M('dossier.get', { unitId: MY_TU })).nodes.filter(
      (n: { field: string; leaf: boolean; appraisal: unknown }) => n.field === '2' && n.leaf && n.appraisal,
    );
    expect(mine.length).toBe(agreed.saved.length + 1);

    // She hands in; the secretariat takes every score.
    const out = await M('exchange.exportMine');
    expect(out.items).toBe(agreed.saved.length + 1);
    const t = await carry(mem, out.file.ticket, S);
    const pv = await S('secretariat.previewImport', { tickets: [t] });
    expect(pv.files[0]).toMatchObject({
      ok: true,
      preview: { member: { id: LINH }, counts: { added: agreed.saved.length + 1 } },
    });
    const committed = await S('secretariat.commitImport', {
      items: [{ ticket: t, expectedHash: pv.files[0].preview.packageHash }],
    });
    expect(committed.outcomes[0]).toMatchObject({ status: 'imported' });

    // The secretariat's own machine still refuses its own cycle as a package (it issued it).
    const back = await carry(sec, cycle.file.ticket, S);
    expect(await failure(S('exchange.previewCycle', { ticket: back }))).toMatchObject({
      code: 'EXCHANGE_CYCLE_EXISTS',
    });
  }, 90_000);
});
