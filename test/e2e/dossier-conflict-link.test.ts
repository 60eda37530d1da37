/**
 * From a unit's dossier, a member reaches the declaration of a conflict of interest for
 * that unit (his own agency, say) with the unit already chosen; once declared, the unit's
 * dossier is read-only for him.
 */
import { describe, expect, it } from 'vitest';
import { appsPerTest } from './apps.ts';
import { openUnit, startAs } from './appraise-support.ts';

const launch = appsPerTest();

describe('conflict of interest from the dossier', () => {
  it('opens the declaration with the unit chosen, and the declared unit becomes read-only', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page);
    await openUnit(page, 'Sở Tư pháp');
    await page.getByTestId('declare-conflict').click();
    await expect.poll(() => page.url()).toContain('#/trao-doi/xung-dot-loi-ich/');
    const unitSelect = page
      .locator('select')
      .filter({ has: page.locator('option', { hasText: 'Sở Tư pháp' }) })
      .first();
    await expect
      .poll(async () => (await unitSelect.locator('option:checked').textContent())?.trim())
      .toBe('Sở Tư pháp');
    await app.screenshot('16-conflict-from-dossier');

    const coi = page.getByTestId('coi');
    await coi.getByLabel('Lý do khai báo').fill('Tôi là Phó Giám đốc Sở Tư pháp, đơn vị được thẩm định.');
    await coi.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
    await expect.poll(() => coi.locator('.x-coi').count()).toBe(1);

    await page.getByRole('navigation').getByRole('link', { name: 'Trang chủ' }).click();
    await openUnit(page, 'Sở Tư pháp');
    await expect.poll(() => page.getByTestId('dossier-read-only').count()).toBe(1);
    expect(await page.getByTestId('declare-conflict').count()).toBe(0);
    await app.screenshot('17-dossier-conflict-declared');
  });
});
