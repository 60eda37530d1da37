/**
 * The scoring grid (ag-grid-community): one field across all units of a group; edit in the
 * grid with the keyboard (digits, Space, typed figures), the core refuses what is invalid or
 * read-only, filters narrow the cells, Ctrl+Z undoes, Enter opens the dossier there.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appsPerTest } from './apps.ts';
import { callCore, mine, saved, startAs } from './appraise-support.ts';

const launch = appsPerTest();

const NOI_VU = 'soc-trang-2023-so-noi-vu';
const TU_PHAP = 'soc-trang-2023-so-tu-phap';

function cell(page: Page, code: string, unitId: string) {
  return page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${unitId}"]`);
}
const mineIn = (page: Page, code: string, unitId: string) => cell(page, code, unitId).locator('.g-mine').textContent();

describe('scoring grid', () => {
  it('edits one field across the units with the keyboard, filters, undoes, and opens the dossier', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Bảng chấm điểm' })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/cham-diem/department/2');
    await cell(page, '2.1.1', NOI_VU).waitFor();
    expect(await page.getByTestId('grid-subtitle').textContent()).toBe(
      'Lĩnh vực 2 · Sở, ban, ngành tỉnh — Cải cách thể chế',
    );
    expect(await cell(page, '2.1.1', NOI_VU).locator('.g-self').textContent()).toBe('TĐG 0,5');
    await app.screenshot('30-grid');

    // Digits pick a tier; Space ticks; both save at once.
    await cell(page, '2.1.1', NOI_VU).click();
    await page.keyboard.press('1');
    await expect.poll(() => mineIn(page, '2.1.1', NOI_VU)).toBe('1');
    expect(await cell(page, '2.1.1', NOI_VU).getAttribute('class')).toContain('g-differs');
    await cell(page, '2.1.2', NOI_VU).click();
    await page.keyboard.press(' ');
    await expect.poll(() => mineIn(page, '2.1.2', NOI_VU)).toBe('1');
    await page.keyboard.press(' ');
    await expect.poll(() => mineIn(page, '2.1.2', NOI_VU)).toBe('0');

    // Typed figures "a/b" in a proportional cell (Vietnamese thousands allowed).
    await cell(page, '2.2.2', NOI_VU).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('1.600/3.200');
    await page.keyboard.press('Enter');
    await expect.poll(() => mineIn(page, '2.2.2', NOI_VU)).toBe('0,5');
    await saved(page);

    // An invalid figure: the core's Vietnamese error, nothing saved.
    await cell(page, '2.2.2', TU_PHAP).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('5000/3200');
    await page.keyboard.press('Enter');
    const toast = page.getByRole('alert').filter({ hasText: 'SCORE_NUMERATOR_EXCEEDS' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Tiêu chí 2.2.2: Số đạt (a) không được lớn hơn tổng số (b).');
    expect(await mineIn(page, '2.2.2', TU_PHAP)).toBe('—');
    await toast.getByRole('button', { name: 'Đóng thông báo' }).click();

    // Filters: "differs from self-score" keeps the cells where I disagree.
    await page.getByRole('button', { name: 'Khác điểm tự chấm' }).click();
    await expect.poll(() => page.getByTestId('grid-count').textContent()).toBe('3 ô khớp');
    await expect.poll(() => page.locator('.ag-row').count()).toBe(3);
    expect(
      await page
        .locator('.ag-header-cell[col-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('col-id')).filter((c) => c!.startsWith('soc-'))),
    ).toEqual([NOI_VU]);
    await app.screenshot('31-grid-filter-differs');
    await page.getByRole('button', { name: 'Khác điểm tự chấm' }).click();
    await page.getByRole('button', { name: 'Chưa thẩm định' }).click();
    await expect.poll(() => page.getByTestId('grid-count').textContent()).not.toBe('3 ô khớp');
    expect(await cell(page, '2.1.1', NOI_VU).getAttribute('class')).toContain('g-dim');
    await page.getByRole('button', { name: 'Chưa thẩm định' }).click();

    // Ctrl+Z undoes the last change (the figures of 2.2.2).
    await cell(page, '2.1.1', NOI_VU).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => mineIn(page, '2.2.2', NOI_VU)).toBe('—');
    await page.getByText('Đã hoàn tác thay đổi ở tiêu chí 2.2.2.').waitFor();

    // A field not assigned to me: locked cells, keys refused.
    await page.getByRole('link', { name: /^Lĩnh vực 1/ }).click();
    await cell(page, '1.2', NOI_VU).waitFor();
    expect(await cell(page, '1.2', NOI_VU).getAttribute('class')).toContain('g-locked');
    await cell(page, '1.2', NOI_VU).click();
    await page.keyboard.press('1');
    await page.getByText('Lĩnh vực này không được phân công cho bạn: chỉ xem, không chấm.').first().waitFor();
    expect(await mineIn(page, '1.2', NOI_VU)).toBe('—');
    await app.screenshot('32-grid-read-only-field');

    // Back to field 2: Enter on a tick cell opens the dossier there, with the grid's changes.
    await page.getByRole('link', { name: /^Lĩnh vực 2/ }).click();
    await cell(page, '2.1.2', NOI_VU).click();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="detail"][data-code="2.1.2"]').waitFor();
    expect(await page.getByTestId('unit-name').textContent()).toBe('Sở Nội vụ');
    expect(await mine(page, '2.1.2').textContent()).toBe('0');
    expect(await mine(page, '2.2.2').textContent()).toBe('·');
    const view = await callCore(page, 'grid.field', { group: 'department', fieldCode: '2' });
    const rows = (view.value as { rows: { code: string; cells: { unitId: string; appraised: string | null }[] }[] })
      .rows;
    expect(rows.find((r) => r.code === '2.1.1')!.cells.find((c) => c.unitId === NOI_VU)!.appraised).toBe('1');
    expect(rows.find((r) => r.code === '2.2.2')!.cells.find((c) => c.unitId === TU_PHAP)!.appraised).toBeNull();
    expect(app.problems).toEqual([]);
  });
});
