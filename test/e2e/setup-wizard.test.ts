/**
 * Set-up end to end on the harness, as the secretariat: the wizard at #/thiet-lap-ky
 * creates a 2025 cycle (departments and communes, legal bases), which becomes current; the units
 * screen imports 140 units from an .xlsx (preview, then commit) and shows a refused file's row
 * and column; the roster screen imports the council and registers a key by fingerprint.
 * Screenshots at 1366×768 of the wizard, units and roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { SCREENSHOT_DIR, openApp, type E2EApp } from './support.ts';
import { SECRETARY, startAs } from './results-support.ts';
import { rosterRows, unitRows, writeCsv, writeXlsx } from '../setup/files.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'cchc-setup-e2e-'));
let app: E2EApp;

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1366, height: 768 } });
  await startAs(app.page, SECRETARY);
});
afterAll(async () => {
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

const count = (sql: string) => {
  const db = new Database(path.join(app.dataDir, 'cchc.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('setting up a cycle (secretariat)', () => {
  it('creates a cycle in the wizard; it becomes current', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thiết lập kỳ' })
      .click();
    // Setting up a cycle needs the secretariat's key: the screen asks for it first (made here on a new machine).
    const gate = page.getByTestId('secretariat-key-gate');
    await gate.waitFor();
    await gate.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu thường trực');
    await gate.getByLabel('Nhập lại mật khẩu').fill('mật khẩu thường trực');
    await gate.getByRole('button', { name: 'Tạo khóa định danh' }).click();
    const wizard = page.getByTestId('setup-wizard');
    await wizard.waitFor();
    await wizard.getByLabel('Tên kỳ đánh giá').fill('Chỉ số CCHC tỉnh An Giang năm 2025');
    await wizard.getByLabel('Năm đánh giá').fill('2025');
    await wizard.getByLabel('Tỉnh, thành phố').fill('An Giang');
    await wizard
      .getByLabel('Quyết định ban hành Bộ chỉ số của UBND tỉnh')
      .fill('Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh ban hành Bộ chỉ số CCHC');
    await wizard
      .getByLabel('Quyết định thành lập Hội đồng thẩm định')
      .fill('Quyết định số 99/QĐ-UBND ngày 01/12/2025 thành lập Hội đồng thẩm định');
    // departments and communes only
    for (const g of ['UBND cấp huyện', 'Đơn vị sự nghiệp công lập tỉnh', 'Cơ quan Trung ương đặt tại tỉnh'])
      await wizard.getByRole('checkbox', { name: g }).uncheck();
    await wizard.getByRole('checkbox', { name: 'UBND xã, phường, đặc khu' }).check();
    await shot(page, 'setup-wizard');
    await wizard.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    const cycle = page.getByTestId('cycle-an-giang-2025');
    await cycle.waitFor();
    await expect(cycle.textContent()).resolves.toContain('Kỳ hiện hành');
    expect(count("SELECT count(*) FROM cycles WHERE id = 'an-giang-2025' AND is_current = 1")).toBe(1);
    expect(count("SELECT count(*) FROM cycle_groups WHERE cycle_id = 'an-giang-2025'")).toBe(2);
    await shot(page, 'setup-cycles');
  });

  it('imports 140 units with a preview; a refused file names its row and column and writes nothing', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Các bước thiết lập kỳ đánh giá' })
      .getByRole('link', { name: 'Cơ quan, đơn vị' })
      .click();
    await page.getByTestId('units-import').waitFor();
    const bad = writeCsv(work, 'sai-nhom.csv', [
      ['Đơn vị', 'Nhóm'],
      ['UBND xã A', 'Cấp xã'],
      ['UBND huyện B', 'UBND cấp huyện'],
    ]);
    await page.getByTestId('units-file').setInputFiles(bad);
    const err = page.getByTestId('setup-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/Tệp sai-nhom\.csv, dòng 3, cột "Nhóm".*SETUP_UNKNOWN_GROUP/);
    expect(count("SELECT count(*) FROM units WHERE cycle_id = 'an-giang-2025'")).toBe(0);

    await page.getByTestId('units-file').setInputFiles(await writeXlsx(path.join(work, 'don-vi.xlsx'), unitRows()));
    const preview = page.getByTestId('units-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('140 đơn vị mới');
    expect(count("SELECT count(*) FROM units WHERE cycle_id = 'an-giang-2025'")).toBe(0);
    await shot(page, 'setup-units-preview');
    await page.getByRole('button', { name: 'Ghi 140 đơn vị' }).click();
    await page.getByTestId('setup-units').getByText('140 đơn vị', { exact: true }).waitFor();
    expect(count("SELECT count(*) FROM units WHERE cycle_id = 'an-giang-2025'")).toBe(140);
    await shot(page, 'setup-units');
  });

  it('imports the roster and registers a key by fingerprint', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Các bước thiết lập kỳ đánh giá' })
      .getByRole('link', { name: 'Hội đồng thẩm định' })
      .click();
    await page.getByTestId('roster-import').waitFor();
    await page.getByTestId('roster-file').setInputFiles(writeCsv(work, 'hoi-dong.csv', rosterRows()));
    await page.getByTestId('roster-preview').waitFor();
    await page.getByRole('button', { name: 'Ghi 6 thành viên' }).click();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(6);
    const first = page.getByTestId('member-row').first();
    expect(await first.textContent()).toContain('Chủ tịch Hội đồng');
    await page.getByLabel('Đăng ký khóa bằng dấu vân tay (64 chữ số): Hồ Văn Ba').fill('AB'.repeat(32));
    await page
      .getByTestId('member-row')
      .filter({ hasText: 'Hồ Văn Ba' })
      .getByRole('button', { name: 'Đăng ký' })
      .click();
    await page.getByTestId('member-row').filter({ hasText: 'Hồ Văn Ba' }).getByText('ABAB ABAB').waitFor();
    // (the demo cycle's own roster import, at its set-up, is not counted)
    expect(
      count(
        "SELECT count(*) FROM audit_log WHERE action IN ('setup.roster.import', 'member.key') AND entity_id NOT LIKE 'soc-trang-2023%'",
      ),
    ).toBe(2);
    await shot(page, 'setup-roster');
    expect(app.problems).toEqual([]);
  });
});
