/**
 * Issue 3 figures, in Debian Chromium over the loopback harness (the real renderer and core):
 * - tick → new totals painted: Space on a tick sub-criterion of the dossier, from the keydown
 *   to the first animation frame after the totals changed (round trip to the core included);
 * - harness cold start to interactive: from startHarness() to the home screen's unit list shown,
 *   on a new data folder (the demo cycle is created) and on an existing one.
 *
 * Runnable alone: `npx tsx bench/workspace.ts`. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startHarness } from '../electron/harness/server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../electron/harness/chromium.ts';
import { buildRenderer } from '../test/e2e/support.ts';

const TICKS = 60;
const JUSTICE = { name: 'Trần Thị Mỹ Linh', position: 'Phó Giám đốc', agency: 'Sở Tư pháp', role: 'member', memberId: 'soc-trang-2023-tv04' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function identify(origin: string, token: string): Promise<void> {
  const res = await fetch(`${origin}/api/session.setIdentity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cchc-token': token },
    body: JSON.stringify(JUSTICE),
  });
  if (!((await res.json()) as { ok: boolean }).ok) throw new Error('setIdentity failed');
}

/** Start to interactive: harness up, page loaded, home list painted. */
async function coldStart(context: BrowserContext, rendererDir: string, dataDir: string): Promise<number> {
  const page = await context.newPage();
  const t0 = performance.now();
  const harness = await startHarness({ dataDir, rendererDir });
  await page.goto(harness.url);
  await page.getByTestId('units').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const ms = performance.now() - t0;
  await page.close();
  await harness.close();
  return ms;
}

async function tickToPaint(page: Page): Promise<{ painted: number[]; saved: number[] }> {
  await page.locator('tr.crit-row[data-code="2.1.2"]').click();
  await page.locator('[data-testid="detail"][data-code="2.1.2"]').waitFor();
  await page.locator('tr.crit-row[data-code="2.1.2"]').focus();
  // The first Space ticks "met" (1 point, as the unit's self-score): the totals stay; from then on each Space changes them.
  await page.keyboard.press(' ');
  await page.locator('tr.crit-row[data-code="2.1.2"] td.c-mine').getByText('1', { exact: true }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __marks: number[]; __saved: number[] };
    w.__marks = [];
    w.__saved = [];
    document.addEventListener('keydown', (e) => e.key === ' ' && (w.__t0 = performance.now()), true);
    new MutationObserver(() => {
      const t0 = w.__t0;
      requestAnimationFrame(() => w.__marks.push(performance.now() - t0));
    }).observe(document.querySelector('[data-testid="total-total"]')!, { subtree: true, characterData: true, childList: true });
    const indicator = document.querySelector('[data-testid="save-indicator"]')!;
    new MutationObserver(() => {
      if (indicator.textContent !== 'Đã lưu') return;
      const t0 = w.__t0;
      requestAnimationFrame(() => w.__saved.push(performance.now() - t0));
    }).observe(indicator, { subtree: true, characterData: true, childList: true });
  });
  for (let i = 0; i < TICKS; i++) {
    await page.keyboard.press(' ');
    await page.waitForFunction((n) => {
      const w = window as unknown as { __marks: number[]; __saved: number[] };
      return w.__marks.length >= n && w.__saved.length >= n;
    }, i + 1);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __marks: number[]; __saved: number[] };
    return { painted: w.__marks, saved: w.__saved };
  });
}

export async function benchWorkspace(): Promise<Record<string, number>> {
  const rendererDir = await buildRenderer();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', ...CHROMIUM_FLAGS],
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  try {
    // Cold start on a new data folder (the demo cycle is created), then on the same folder again.
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-data-'));
    // The identity lives in settings.json of the data folder: a new folder shows the first-run screen,
    // so its start is measured to that screen; the existing folder to the home list.
    const newFolder = await (async () => {
      const page = await context.newPage();
      const t0 = performance.now();
      const harness = await startHarness({ dataDir: fresh, rendererDir });
      await page.goto(harness.url);
      await page.getByRole('button', { name: 'Lưu và bắt đầu' }).waitFor();
      const ms = performance.now() - t0;
      await identify(harness.origin, harness.token);
      await page.close();
      await harness.close();
      return ms;
    })();
    const existing: number[] = [];
    for (let i = 0; i < 5; i++) existing.push(await coldStart(context, rendererDir, fresh));

    // Tick → totals painted.
    const harness = await startHarness({ dataDir: fresh, rendererDir });
    const page = await context.newPage();
    await page.goto(`${harness.url}#/don-vi/soc-trang-2023-so-noi-vu`);
    await page.getByTestId('criteria').waitFor();
    const { painted: marks, saved } = await tickToPaint(page);
    await page.close();
    await harness.close();
    rmSync(fresh, { recursive: true, force: true });

    return {
      'tick → totals painted p50 (ms)': percentile(marks, 50),
      'tick → totals painted p95 (ms)': percentile(marks, 95),
      'tick → totals painted max (ms)': Math.max(...marks),
      'tick → saved by the core, painted p50 (ms)': percentile(saved, 50),
      'tick → saved by the core, painted p95 (ms)': percentile(saved, 95),
      'cold start, new data folder → first run (ms)': newFolder,
      'cold start, existing folder → home p50 (ms)': percentile(existing, 50),
      'cold start, existing folder → home max (ms)': Math.max(...existing),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchWorkspace();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(48)} ${v.toFixed(1)}`);
  process.exit(0);
}
