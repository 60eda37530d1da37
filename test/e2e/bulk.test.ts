/**
 * Volume: "agree with the self-score for the rest of this field" with a
 * confirmation that counts and one Ctrl+Z; the "Còn lại" filter; "=" in the grid; a block of
 * scores pasted from a spreadsheet into the grid, refused cells listed and not written.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appsPerTest } from './apps.ts';
import { callCore, mine, openUnit, row, saved, startAs } from './appraise-support.ts';

const launch = appsPerTest();

const VIEW = { width: 1366, height: 768 };
const NOI_VU = 'soc-trang-2023-so-noi-vu';
const TU_PHAP = 'soc-trang-2023-so-tu-phap';
const cell = (page: Page, code: string, unitId: string) =>
  page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${unitId}"]`);
const mineIn = (page: Page, code: string, unitId: string) => cell(page, code, unitId).locator('.g-mine').textContent();

async function myScores(page: Page, unitId: string): Promise<Record<string, string | null>> {
  const r = await callCore(page, 'dossier.get', { unitId });
  const nodes = (
    r.value as { nodes: { code: string; leaf: boolean; field: string; appraisal: { score: string | null } | null }[] }
  ).nodes;
  return Object.fromEntries(
    nodes.filter((n) => n.leaf && n.field === '2').map((n) => [n.code, n.appraisal?.score ?? null]),
  );
}

describe('bulk appraisal', () => {
  it('agrees with the rest of a field after a confirmation that counts, filters what is left, and undoes it with one Ctrl+Z', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page);
    await openUnit(page, 'Sở Nội vụ');
    await page.locator('.field-tab[data-field="2"]').click();
    // Which sub-criteria allow a lowered benchmark is marked in the list.
    expect(await row(page, '2.1').getByTestId('exemptable').count()).toBe(1);
    expect(await row(page, '2.3.2').getByTestId('exemptable').count()).toBe(1);
    expect(await row(page, '2.2.2').getByTestId('exemptable').count()).toBe(0);

    // One scored by hand first: it is not "the rest".
    await row(page, '2.1.1').click();
    await page.keyboard.press('1');
    await expect.poll(() => mine(page, '2.1.1').textContent()).toBe('1');
    await saved(page);

    await page.getByTestId('filter-left').click();
    await expect.poll(() => page.getByTestId('filter-left').textContent()).toBe('Còn lại (còn 9)');
    expect(await row(page, '2.1.1').count()).toBe(0);
    expect(await row(page, '2.2.2').count()).toBe(1);

    await page.getByTestId('agree-rest').click();
    const confirm = page.getByTestId('agree-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('p').textContent()).toBe(
      'Lấy điểm tự chấm của Sở Nội vụ cho 9 tiêu chí thành phần chưa chấm của lĩnh vực 2?',
    );
    await app.screenshot('80-agree-confirm');
    await confirm.getByRole('button', { name: 'Đồng ý (9)' }).click();
    await page.getByText('Đã lấy điểm tự chấm cho 9 tiêu chí thành phần. Ctrl+Z để hoàn tác.').waitFor();
    await expect.poll(() => page.getByTestId('filter-left').textContent()).toBe('Còn lại (còn 0)');
    const after = await myScores(page, NOI_VU);
    expect(after).toMatchObject({ '2.1.1': '1', '2.2.2': '0.51', '2.4.1': '0', '2.4.3': '0.235' });
    expect(Object.values(after).every((s) => s !== null)).toBe(true);

    await page.getByTestId('filter-left').click();
    await expect.poll(() => mine(page, '2.2.2').textContent()).toBe('0,51');
    // "Mở" beside a document stays on one line at 1366 px.
    await row(page, '2.2.2').click();
    const open = page.locator('.doc-actions .button').first();
    await open.waitFor();
    const heights = await page
      .locator('.doc-actions .button')
      .evaluateAll((els) =>
        els.map(
          (e) => [e.textContent, e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight)] as const,
        ),
      );
    for (const [text, h, line] of heights) expect(h, String(text)).toBeLessThan(line * 2);
    await app.screenshot('81-agree-done');
    await page.keyboard.press('Control+z');
    await page.getByText('Đã hoàn tác 9 ô của thao tác hàng loạt.').waitFor();
    await expect.poll(() => mine(page, '2.2.2').textContent()).toBe('·');
    expect(await mine(page, '2.1.1').textContent()).toBe('1');
    const undone = await myScores(page, NOI_VU);
    expect(Object.entries(undone).filter(([, s]) => s !== null)).toEqual([['2.1.1', '1']]);
    expect(app.problems).toEqual([]);
  });

  it('takes the self-score with "=" in the grid and pastes a block from a spreadsheet, listing the refused cells', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Bảng chấm điểm' })
      .click();
    await cell(page, '2.1.1', NOI_VU).waitFor();
    expect(await page.locator('.ag-row[row-id="2.1.1"] .g-exemptable').count()).toBe(1);
    expect(await page.locator('.ag-row[row-id="2.2.2"] .g-exemptable').count()).toBe(0);

    await cell(page, '2.2.2', NOI_VU).click();
    await page.keyboard.press('=');
    await expect.poll(() => mineIn(page, '2.2.2', NOI_VU)).toBe('0,51');
    await saved(page);

    // Copied from LibreOffice: 4 rows × 2 units from 2.1.1 / Sở Nội vụ. "abc" cannot be read;
    // 5/3 is refused by the core (a > b); empty cells are left alone.
    await cell(page, '2.1.1', NOI_VU).click();
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    }, '0,5\t1\r\n1\tabc\r\n\t\r\n5/3\t1/2\r\n');
    await page.getByText('Đã dán 4 ô. Ctrl+Z để hoàn tác.').waitFor();
    const refused = page.getByTestId('paste-refused');
    await refused.waitFor();
    expect(await refused.locator('li').allTextContents()).toEqual([
      'Sở Tư pháp · 2.1.2: Không đọc được “abc”.',
      'Sở Nội vụ · 2.2.2: Tiêu chí 2.2.2: Số đạt (a) không được lớn hơn tổng số (b).',
    ]);
    await expect.poll(() => mineIn(page, '2.1.1', NOI_VU)).toBe('0,5');
    expect(await mineIn(page, '2.1.1', TU_PHAP)).toBe('1');
    expect(await mineIn(page, '2.1.2', NOI_VU)).toBe('1');
    expect(await mineIn(page, '2.1.2', TU_PHAP)).toBe('—');
    expect(await mineIn(page, '2.2.2', NOI_VU)).toBe('0,51'); // refused: unchanged
    expect(await mineIn(page, '2.2.2', TU_PHAP)).toBe('0,5');
    await app.screenshot('82-grid-paste');

    // The "Còn lại" filter hides what I have scored.
    await page.getByRole('button', { name: 'Còn lại', exact: true }).click();
    expect(await cell(page, '2.1.1', NOI_VU).getAttribute('class')).toContain('g-dim');
    await page.getByRole('button', { name: 'Còn lại', exact: true }).click();

    // One Ctrl+Z undoes the whole paste.
    await cell(page, '2.3.1', NOI_VU).click();
    await page.keyboard.press('Control+z');
    await page.getByText('Đã hoàn tác 4 ô của thao tác hàng loạt.').waitFor();
    await expect.poll(() => mineIn(page, '2.1.1', NOI_VU)).toBe('—');
    expect(await mineIn(page, '2.2.2', TU_PHAP)).toBe('—');
    expect(await mineIn(page, '2.2.2', NOI_VU)).toBe('0,51');

    // An error toast (the grid has no inline place) closes by itself once the cell is fixed.
    await cell(page, '2.2.2', TU_PHAP).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('5000/3200');
    await page.keyboard.press('Enter');
    const toast = page.getByRole('alert').filter({ hasText: 'SCORE_NUMERATOR_EXCEEDS' });
    await toast.waitFor();
    const box = await toast.boundingBox();
    expect(box!.x).toBeGreaterThan(VIEW.width / 2); // bottom right: not over the grid's codes and titles
    await cell(page, '2.2.2', TU_PHAP).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1600/3200');
    await page.keyboard.press('Enter');
    await expect.poll(() => mineIn(page, '2.2.2', TU_PHAP)).toBe('0,5');
    await expect.poll(() => toast.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
