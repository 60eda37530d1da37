/**
 * A keyboard-only pass: first run, home, dossier (arrows, digits, Space, Enter into the
 * figures, N comment, T evidence, H exemption, Esc back to the list, Ctrl+Z undo, ? help),
 * and text typed just before a crash is not lost.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appsPerTest } from './apps.ts';
import { JUSTICE, callCore, mine, row, saved, startAs, totals } from './appraise-support.ts';

const launch = appsPerTest();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? {
          tag: el.tagName,
          code: el.dataset['code'] ?? null,
          label: el.getAttribute('aria-label') ?? el.id,
          text: (el.textContent ?? '').trim().slice(0, 60),
        }
      : null;
  });

async function press(page: Page, ...keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

describe('keyboard', () => {
  it('appraises a unit from first run to undo without the mouse', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = app;

    // First run: the choice of what to do (the demo is chosen), then Tab on to "Tôi là", arrows to my
    // name on the roster, Enter from a field submits.
    await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
    const roster = page.getByRole('combobox', { name: 'Tôi là' });
    await roster.locator('option').nth(1).waitFor({ state: 'attached' });
    const labels = await roster.locator('option').allTextContents();
    for (let i = 0; i < 8 && (await focused(page))?.tag !== 'SELECT'; i++) await press(page, 'Tab');
    await expect.poll(async () => (await focused(page))?.tag).toBe('SELECT');
    for (let i = 0; i < labels.indexOf(JUSTICE); i++) await press(page, 'ArrowDown');
    await expect.poll(() => page.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe('Trần Thị Mỹ Linh');
    await press(page, 'Tab', 'Enter');
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Trần Thị Mỹ Linh' }).waitFor();
    await page.getByTestId('units').waitFor();

    // Home: "/" searches, Tab reaches the unit, Enter opens it.
    await press(page, '/');
    await page.keyboard.type('noi vu');
    await expect.poll(() => page.getByTestId('units-count').textContent()).toBe('1/40 đơn vị');
    await press(page, 'Tab', 'Tab', 'Tab');
    expect((await focused(page))?.text).toBe('Sở Nội vụ');
    await press(page, 'Enter');
    await page.getByTestId('criteria').waitFor();

    // The list has the keyboard at once, on my first sub-criterion.
    await expect.poll(async () => (await focused(page))?.code).toBe('2.1.1');
    await press(page, '1'); // tier 1: Đúng hạn
    await expect.poll(() => mine(page, '2.1.1').textContent()).toBe('1');
    await press(page, 'ArrowDown');
    expect((await focused(page))?.code).toBe('2.1.2');
    await press(page, ' '); // met, like the unit's self-score
    await expect.poll(() => mine(page, '2.1.2').textContent()).toBe('1');
    await press(page, ' '); // not met
    await expect.poll(() => mine(page, '2.1.2').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toBe('64,18');

    // Enter goes into the figures; Esc comes back to the list and saves them.
    await press(page, 'ArrowDown', 'ArrowDown', 'ArrowDown');
    expect((await focused(page))?.code).toBe('2.2.2');
    await press(page, 'Enter');
    await expect.poll(async () => (await focused(page))?.tag).toBe('INPUT');
    await page.keyboard.type('2000');
    await press(page, 'Tab');
    await page.keyboard.type('3200');
    await press(page, 'Escape');
    await expect.poll(async () => (await focused(page))?.code).toBe('2.2.2');
    await expect.poll(() => mine(page, '2.2.2').textContent()).toBe('0,625');

    // N: comment. T: evidence (document and page). Esc back each time.
    await press(page, 'n');
    await expect.poll(async () => (await focused(page))?.tag).toBe('TEXTAREA');
    await page.keyboard.type('Đã đối chiếu số liệu.');
    await press(page, 'Escape');
    await expect.poll(async () => (await focused(page))?.code).toBe('2.2.2');
    await saved(page);
    await press(page, 't');
    await expect.poll(async () => (await focused(page))?.tag).toBe('SELECT');
    await press(page, 'ArrowDown', 'Tab');
    await page.keyboard.type('2');
    await press(page, 'Enter');
    await expect.poll(() => page.getByTestId('my-evidence').textContent()).toContain('tr. 2');
    await press(page, 'Escape');
    await expect.poll(async () => (await focused(page))?.code).toBe('2.2.2');
    await saved(page);

    // H: lowered benchmark with reason and legal basis; Enter proposes it.
    await press(page, 'ArrowDown', 'ArrowDown', 'ArrowDown');
    expect((await focused(page))?.code).toBe('2.3.2');
    const before = await totals(page);
    await press(page, 'h');
    await expect.poll(async () => (await focused(page))?.tag).toBe('TEXTAREA');
    await page.keyboard.type('Không phát sinh nhiệm vụ trong năm 2023.');
    await press(page, 'Tab');
    await page.keyboard.type('Công văn số 15/STP-VP');
    await press(page, 'Enter');
    await expect.poll(() => page.getByTestId('total-benchmark').textContent()).toBe('97');
    await press(page, 'Escape');
    await expect.poll(async () => (await focused(page))?.code).toBe('2.3.2');
    await app.screenshot('20-keyboard-dossier');

    // Ctrl+Z: the exemption goes, then the evidence link.
    await press(page, 'Control+z');
    await expect.poll(() => page.getByTestId('total-benchmark').textContent()).toBe('97,5');
    expect(await totals(page)).toEqual(before);
    await page.getByText('Đã hoàn tác thay đổi ở tiêu chí 2.3.2.').waitFor();
    await press(page, 'Control+z');
    await page.getByText('Đã hoàn tác thay đổi ở tiêu chí 2.2.2.').waitFor();
    await saved(page);
    const view = await callCore(page, 'dossier.get', { unitId: 'soc-trang-2023-so-noi-vu' });
    const n222 = (
      view.value as {
        nodes: { code: string; appraisal: { score: string; comment: string; evidence: unknown[] } | null }[];
      }
    ).nodes.find((n) => n.code === '2.2.2')!;
    expect(n222.appraisal).toMatchObject({ score: '0.625', comment: 'Đã đối chiếu số liệu.', evidence: [] });
    expect(await row(page, '2.3.2').locator('.flag-exempt').count()).toBe(0);

    // ?: the keyboard map; Esc closes it.
    await press(page, '?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.waitFor();
    await app.screenshot('21-keyboard-help');
    await press(page, 'Escape');
    await help.waitFor({ state: 'hidden' });
    expect(app.problems).toEqual([]);
  });

  it('keeps text typed just before a crash and saves it at the next start', async () => {
    const app = await launch({ viewport: { width: 1366, height: 768 } });
    const { page, context, harness } = app;
    await startAs(page);
    await page.goto(`${harness.url}#/don-vi/soc-trang-2023-so-tu-phap/2.4.1`);
    await page.locator('[data-testid="detail"][data-code="2.4.1"]').waitFor();
    const comment = page.getByRole('textbox', { name: 'Nhận xét của thành viên' });
    await comment.click();
    await page.keyboard.type('Báo cáo gửi ngày 20/12/2023, trễ 5 ngày.');
    // The window dies before the debounced save: no unload handler runs.
    await page.close({ runBeforeUnload: false });
    const again = await context.newPage();
    await again.goto(`${harness.url}#/don-vi/soc-trang-2023-so-tu-phap/2.4.1`);
    await again.locator('[data-testid="detail"][data-code="2.4.1"]').waitFor();
    await expect
      .poll(() => again.getByRole('textbox', { name: 'Nhận xét của thành viên' }).inputValue(), { timeout: 10_000 })
      .toBe('Báo cáo gửi ngày 20/12/2023, trễ 5 ngày.');
    const view = await callCore(again, 'dossier.get', { unitId: 'soc-trang-2023-so-tu-phap' });
    const n241 = (view.value as { nodes: { code: string; appraisal: { comment: string } | null }[] }).nodes.find(
      (n) => n.code === '2.4.1',
    )!;
    expect(n241.appraisal?.comment).toBe('Báo cáo gửi ngày 20/12/2023, trễ 5 ngày.');
    expect(await again.evaluate(() => localStorage.getItem('cchc.drafts.v1'))).toBeNull();
  });
});
