/**
 * Tiếp nhận hồ sơ tự đánh giá in Chromium on the loopback harness: the secretariat previews a
 * round-1 workbook whose .zip lacks a cited file (missing files shown, commit disabled), sends
 * the full .zip and commits, then previews round 2 with its changes against round 1.
 * Screenshots at 1366×768: intake-missing.png, intake-round2.png.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { DEMO_CYCLE_ID, demoUnitId } from '../../electron/core/demo/init.ts';
import { DATABASE_FILE } from '../../electron/core/open.ts';
import { dossierTemplate } from '../../electron/core/intake/template.ts';
import { tempDirs } from '../db/support.ts';
import { SECRETARY, go, makeSecretariatKey, startAs } from './results-support.ts';
import { type E2EApp, openApp } from './support.ts';
import { fillTemplate, zipFile } from '../intake/support.ts';

const temp = tempDirs('cchc-e2e-intake-');

describe('intake screen', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
  }, 60_000);
  afterAll(async () => app?.close());

  it('previews missing files, commits round 1, shows round-2 changes', async () => {
    const { page } = app;
    await startAs(page, SECRETARY);
    await makeSecretariatKey(page);
    const dir = temp();
    const db = openDatabase(join(app.dataDir, DATABASE_FILE));
    const t = await dossierTemplate(db, DEMO_CYCLE_ID, 'department');
    db.close();
    const nodes = t.target.leaves;
    const names = nodes.filter((n) => n.scoring!.kind !== 'survey').map((n) => `${n.code}.pdf`);
    const r1 = join(dir, 'so-tu-phap-lan-1.xlsx');
    writeFileSync(r1, await fillTemplate(t.bytes, nodes, { unit: 'Sở Tư pháp' }));
    const all = Object.fromEntries(names.map((n) => [n, `%PDF-1.4 ${n}`]));
    const { [names[0]!]: _gone, [names[3]!]: _gone2, ...partial } = all;
    const zipPartial = zipFile(join(dir, 'tai-lieu-thieu.zip'), { ...partial, 'ghi-chu.txt': 'không dẫn chiếu' });
    const zipFull = zipFile(join(dir, 'tai-lieu.zip'), all);

    await go(page, '/tiep-nhan');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tự đánh giá' }).waitFor();
    await page.getByTestId('intake-unit').selectOption(demoUnitId('so-tu-phap'));
    await page.getByLabel('Phiếu tự đánh giá (.xlsx)').setInputFiles(r1);
    await page.getByLabel(/Tài liệu kiểm chứng \(\.zip/).setInputFiles(zipPartial);
    await page.getByTestId('intake-preview').click();
    const missing = page.getByTestId('intake-missing');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toContain(names[0]);
    await expect(missing.textContent()).resolves.toContain(names[3]);
    await expect(page.getByTestId('intake-notcited').textContent()).resolves.toContain('ghi-chu.txt');
    expect(await page.getByTestId('intake-commit').isDisabled()).toBe(true);
    await app.screenshot('intake-missing');

    await page.getByLabel(/Tài liệu kiểm chứng \(\.zip/).setInputFiles(zipFull);
    await page.getByTestId('intake-preview').click();
    await page.getByTestId('intake-missing-count').filter({ hasText: '0 tệp thiếu' }).waitFor();
    await page.getByTestId('intake-commit').click();
    await page.getByText(/Đã ghi hồ sơ lần 1 của Sở Tư pháp/).waitFor();

    const r2 = join(dir, 'so-tu-phap-lan-2.xlsx');
    writeFileSync(r2, await fillTemplate(t.bytes, nodes, { unit: 'Sở Tư pháp', variant: 1 }));
    await page.getByTestId('intake-round-2').check();
    await page.getByLabel('Phiếu tự đánh giá (.xlsx)').setInputFiles(r2);
    await page.getByTestId('intake-preview').click();
    const changes = page.getByTestId('intake-changes');
    await changes.waitFor();
    const tick = nodes.find((n) => n.scoring!.kind === 'tick')!;
    const row = changes.getByRole('row').filter({ hasText: tick.title });
    await expect(row.textContent()).resolves.toMatch(/Đạt.*Không đạt/);
    expect(await page.getByTestId('intake-commit').isDisabled()).toBe(false);
    await changes.scrollIntoViewIfNeeded();
    await app.screenshot('intake-round2');
    expect(app.problems).toEqual([]);
  }, 120_000);

  it('takes in a collected workbook: a misspelt unit refused with its cell, then two units previewed and written', async () => {
    const { page } = app; // the secretariat of the test above, key unlocked
    const dir = temp();
    const db = openDatabase(join(app.dataDir, DATABASE_FILE));
    const nodes = (await dossierTemplate(db, DEMO_CYCLE_ID, 'department')).target.leaves.filter(
      (n) => n.scoring!.kind !== 'survey',
    );
    db.close();
    const sheet = async (name: string, units: string[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Tổng hợp lần 2');
      ws.getRow(1).values = ['TT', 'Nội dung', 'Điểm tối đa', ...units];
      nodes.forEach((n, i) => {
        ws.getRow(2 + i).values = [n.code, n.title, Number(n.maxPoints), ...units.map(() => Number(n.maxPoints))];
      });
      const path = join(dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    await go(page, '/tiep-nhan');
    const card = page.getByTestId('collected');
    await card.getByText('Lần 2').click();
    await card
      .getByLabel('Bảng tổng hợp (.xlsx)')
      .setInputFiles(await sheet('sai-ten.xlsx', ['Sở Tài chính', 'Sở Nội vu']));
    await card.getByTestId('collected-preview').click();
    await expect.poll(() => card.getByTestId('collected-error').getAttribute('data-code')).toBe('INTAKE_UNIT_UNKNOWN');
    expect(await card.getByTestId('collected-error').textContent()).toMatch(/Trang “Tổng hợp lần 2”, dòng 1, cột E/);

    await card
      .getByLabel('Bảng tổng hợp (.xlsx)')
      .setInputFiles(await sheet('tong-hop.xlsx', ['Sở Tài chính', 'Sở Nội vụ']));
    await card.getByTestId('collected-preview').click();
    const result = card.getByTestId('collected-result');
    await result.getByText('Xem trước “tong-hop.xlsx”: 2 đơn vị').waitFor();
    await expect(result.locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining('Sở Tài chính'),
      expect.stringContaining('Sở Nội vụ'),
    ]);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('intake-collected');
    await card.getByTestId('collected-commit').click();
    await page.getByText('Đã ghi điểm tự đánh giá lần 2 của 2 đơn vị.').waitFor();
    const after = openDatabase(join(app.dataDir, DATABASE_FILE));
    expect(
      after.prepare("SELECT count(*) FROM dossier_imports WHERE source = 'collected' AND round = 2").pluck().get(),
    ).toBe(2);
    after.close();
    expect(app.problems.filter((p) => !p.includes('http 4') && !p.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);
});
