/**
 * a member's machine started as the README says (the demo)
 * scores, makes its key, receives the demo secretariat's cycle package over its own demo cycle
 * (refused before with EXCHANGE_CYCLE_EXISTS), sees its key card say "registered" at once
 * (no reload), and hands its scores in. The secretariat is a second data folder driven through
 * its core's router (its screens have their own tests).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ticketFile } from '../../electron/core/files/store.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import { type CoreContext, openCore } from '../../electron/core/open.ts';
import { createRouter } from '../../electron/core/router.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { appsPerTest } from './apps.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { callCore, startAs } from './appraise-support.ts';

const launch = appsPerTest();
let sec: CoreContext | null = null;
let secDir = '';
afterEach(() => {
  sec?.close();
  sec = null;
  if (secDir) rmSync(secDir, { recursive: true, force: true });
});

const LINH = 'soc-trang-2023-tv04';
const NOI_VU = 'soc-trang-2023-so-noi-vu';

function secretariat(core: CoreContext) {
  const settings = memorySettings({
    identity: {
      name: 'Nguyễn Văn Thường',
      position: 'Chuyên viên',
      agency: 'Sở Nội vụ',
      role: 'secretariat',
      memberId: 'soc-trang-2023-thuong-truc',
    },
  });
  const router = createRouter(handlers, {
    context: { core, settings, app: { version: 't', transport: 'http' }, downloadUrl: () => '/download/x' },
  });
  return async (method: string, input?: unknown): Promise<any> => {
    const r = await router.call(method as never, input as never);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
}

describe('the demo round trip, member side in the browser', () => {
  it('takes the demo secretariat’s cycle package over the demo, updates the key card at once, and hands the scores in', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page);
    const agreed = (await callCore(page, 'appraisal.agree', { unitId: NOI_VU, fieldCode: '2' })).value as {
      saved: unknown[];
    };
    expect(agreed.saved.length).toBe(10);

    // Her key, made on "Trao đổi": not on the roster yet.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trao đổi' }).click();
    const card = page.getByTestId('key-card');
    await card.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu của Linh');
    await card.getByLabel('Nhập lại mật khẩu').fill('mật khẩu của Linh');
    await card.getByRole('button', { name: 'Tạo khóa định danh' }).click();
    await card.getByTestId('my-fingerprint').waitFor();
    const registered = card.getByTestId('key-registered');
    const before = await registered.textContent();
    expect(before).not.toContain('Trần Thị Mỹ Linh');

    // The demo secretariat on a second data folder registers her key and issues the cycle package.
    secDir = mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-demo-sec-'));
    copyDemoStore(secDir); // the demo as a first start builds it (test/demo-seed.ts)
    sec = await openCore(secDir);
    const S = secretariat(sec);
    await S('identity.create', { passphrase: 'mật khẩu thường trực' });
    const pub = (await callCore(page, 'identity.exportPublicKey', {})).value as { ticket: string };
    const pubFile = ticketFile(app.dataDir, 'outbox', pub.ticket);
    const up = await S('files.upload', {
      name: pubFile.name,
      dataBase64: readFileSync(pubFile.path).toString('base64'),
    });
    await S('secretariat.registerKey', {
      memberId: LINH,
      ticket: up.ticket,
      reason: 'Đối chiếu dấu vân tay qua điện thoại',
    });
    const cycle = await S('secretariat.exportCycle');
    const cycleFile = ticketFile(sec.dataDir, 'outbox', cycle.file.ticket).path;
    const secFingerprint = (await S('identity.status')).key.display as string;

    // She receives it on her demo machine.
    const receive = page.getByTestId('receive-cycle');
    await receive.getByLabel('Nhận gói kỳ đánh giá').setInputFiles(cycleFile);
    const preview = receive.getByTestId('cycle-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getByTestId('cycle-signer').getAttribute('data-fingerprint')).toBe(secFingerprint);
    // She types the fingerprint the secretariat read to her.
    await preview.getByLabel('Dấu vân tay cơ quan thường trực đọc cho bạn').fill(secFingerprint);
    expect(await preview.getByTestId('cycle-fingerprint-result').textContent()).toMatch(/^Khớp/);
    await preview.getByRole('button', { name: 'Nhận gói' }).click();
    await receive.getByTestId('cycle-imported').waitFor({ timeout: 30_000 });
    // The key card says so at once, without a reload.
    await expect.poll(() => registered.textContent()).toContain('Trần Thị Mỹ Linh');
    await app.screenshot('95-demo-member-after-cycle');

    // Her scores are still there, and she hands them in.
    const send = page.getByTestId('send-mine');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      send.getByRole('button', { name: 'Xuất gói kết quả thẩm định' }).click(),
    ]);
    await send.getByTestId('send-done').waitFor();
    const pkg = path.join(secDir, download.suggestedFilename());
    await download.saveAs(pkg);
    const t = await S('files.upload', { name: path.basename(pkg), dataBase64: readFileSync(pkg).toString('base64') });
    const pv = await S('secretariat.previewImport', { tickets: [t.ticket] });
    expect(pv.files[0]).toMatchObject({ ok: true, preview: { member: { id: LINH }, counts: { added: 10 } } });
    expect(app.problems).toEqual([]);
  });
});
