/** Helpers of the appraisal end-to-end tests (dossier, grid, keyboard): page models over the real renderer. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Roster members of the demo cycle "Sóc Trăng 2023", as the "Tôi là" list shows them. */
export const JUSTICE = 'Trần Thị Mỹ Linh — Phó Giám đốc, Sở Tư pháp (lĩnh vực 2)';

/** First run: chooses oneself on the roster, saves, waits for the home screen with its units. */
export async function startAs(page: Page, rosterLabel: string = JUSTICE): Promise<void> {
  await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  await page.getByRole('combobox', { name: 'Tôi là' }).selectOption({ label: rosterLabel });
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào, / }).waitFor();
  await page.getByTestId('units').waitFor();
}

/** From the home screen, opens a unit's dossier. */
export async function openUnit(page: Page, name: string): Promise<void> {
  await page.getByTestId('units').getByRole('link', { name, exact: true }).click();
  await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe(name);
  await page.getByTestId('criteria').waitFor();
}

export function row(page: Page, code: string): Locator {
  return page.locator(`tr.crit-row[data-code="${code}"]`);
}

/** Selects a sub-criterion (its field tab first when it is not shown) and waits for its detail. */
export async function select(page: Page, code: string): Promise<Locator> {
  const field = code.split('.')[0]!;
  if ((await row(page, code).count()) === 0) await page.locator(`.field-tab[data-field="${field}"]`).click();
  await row(page, code).click();
  const detail = page.locator(`[data-testid="detail"][data-code="${code}"]`);
  await detail.waitFor();
  return detail;
}

export async function totals(page: Page): Promise<{ benchmark: string; total: string; index: string; group: string }> {
  return {
    benchmark: (await page.getByTestId('total-benchmark').textContent()) ?? '',
    total: (await page.getByTestId('total-total').textContent()) ?? '',
    index: (await page.getByTestId('total-index').textContent()) ?? '',
    group: (await page.getByTestId('total-class').textContent()) ?? '',
  };
}

/** Waits until every write has been answered and the indicator says "Đã lưu". */
export async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toBe('Đã lưu');
}

/** The "mine" cell of a row of the criteria list. */
export function mine(page: Page, code: string): Locator {
  return row(page, code).locator('td.c-mine');
}

/** Calls the core directly through the harness, as the page would (token from the page). */
export async function callCore(
  page: Page,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([m, i]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="cchc-token"]')!.content;
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cchc-token': token },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [method, input] as const,
  );
}
