/**
 * Support of the exchange end-to-end tests: several "machines" (a harness on its own data
 * folder each, a browser context each, one Chromium), downloads caught as files, and the
 * store set-ups that stand for weeks of work done before the test (other members' signed
 * packages at the secretariat, a member's earlier appraisals).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../electron/harness/chromium.ts';
import { startHarness, type Harness } from '../../electron/harness/server.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { DEMO_CYCLE_ID, DEMO_SECRETARIAT_ID } from '../../electron/core/demo/init.ts';
import { cycleContext } from '../../electron/core/exchange/cycle-context.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { registerMemberKey } from '../../electron/core/council/roster-keys.ts';
import { openDataFolder } from '../../electron/core/open.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { syntheticExchange } from '../exchange/synthetic.ts';
import { SCREENSHOT_DIR, buildRenderer } from './support.ts';

const VIEWPORT = { width: 1366, height: 768 };

function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless', ...CHROMIUM_FLAGS] });
}

export interface Station {
  readonly name: string;
  readonly dataDir: string;
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** Toasts dismissed first; full page unless `viewport`. */
  screenshot(name: string, options?: { viewport?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** One installation: the harness on `dataDir` and a fresh browser context at 1366×768, in vi-VN. */
export async function openStation(
  browser: Browser,
  name: string,
  dataDir: string,
  options: { demo: boolean },
): Promise<Station> {
  const rendererDir = await buildRenderer();
  if (options.demo && !existsSync(path.join(dataDir, 'cchc.sqlite'))) copyDemoStore(dataDir);
  const harness = await startHarness({ dataDir, rendererDir, demo: options.demo });
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`${name} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${name} pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400)
      problems.push(`${name} http ${r.status()}: ${r.url().replace(/token=[0-9a-f]+/, 'token=…')}`);
  });
  await page.goto(harness.url);
  return {
    name,
    dataDir,
    harness,
    context,
    page,
    problems,
    async screenshot(shot, opts = {}) {
      const close = page.locator('.toast-close');
      while ((await close.count()) > 0) await close.first().click();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${shot}.png`);
      await page.screenshot({ path: file, fullPage: !opts.viewport, animations: 'disabled' });
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      await harness.close();
    },
  };
}

/** Clicks what makes the page download a file; returns where the file was saved and its suggested name. */
export async function download(page: Page, trigger: Locator, dir: string): Promise<{ path: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const name = d.suggestedFilename();
  const target = path.join(dir, name);
  await d.saveAs(target);
  return { path: target, name };
}

/** First run without a roster (no cycle yet on a member's machine): name, position, agency, role. */
export async function firstRunFree(page: Page, who: { name: string; position: string; agency: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(who.name);
  await page.getByRole('textbox', { name: 'Chức vụ' }).fill(who.position);
  await page.getByRole('textbox', { name: 'Cơ quan' }).fill(who.agency);
  await page.getByRole('radio', { name: /Thành viên Hội đồng/ }).check();
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  // An empty machine's first run defaults to "join a real cycle": it opens on "Trao đổi" to receive the package.
  await page.getByTestId('current-member').waitFor();
}

export const TV01 = `${DEMO_CYCLE_ID}-tv01`;
export const TV04 = `${DEMO_CYCLE_ID}-tv04`;

/**
 * The secretariat's data folder: the demo cycle, and the signed packages of the field
 * members other than `except` already imported (their keys registered first), as after
 * weeks of appraisal. Returns nothing: the folder is ready for a harness.
 */
export function secretariatWithOtherPackages(dir: string, except: readonly string[]): void {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-synthetic-'));
  try {
    const x = syntheticExchange(scratch, { extraMembers: 0, only: (m) => !except.includes(m.id) });
    x.db.close();
    if (!existsSync(path.join(dir, 'cchc.sqlite'))) copyDemoStore(dir);
    const core = openDataFolder(dir);
    try {
      for (const m of x.members)
        if (!except.includes(m.id))
          registerMemberKey(
            core.db,
            DEMO_CYCLE_ID,
            m.id,
            m.signer.publicKey,
            DEMO_SECRETARIAT_ID,
            'Đối chiếu dấu vân tay tại phiên họp',
          );
      const files = x.packages.map((p) => {
        const f = path.join(scratch, p.fileName);
        writeFileSync(f, p.text);
        return f;
      });
      const r = importFiles(core.db, dir, files, { actor: DEMO_SECRETARIAT_ID, backup: false });
      const refused = r.outcomes.filter((o) => o.status !== 'imported');
      if (refused.length > 0) throw new Error(`set-up import refused: ${refused.map((o) => o.message).join('; ')}`);
    } finally {
      core.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A member's earlier work on his own machine: every applicable sub-criterion of `field` for the
 * chosen units appraised as the unit's round-2 self-assessment (through the same service as
 * the screens), except the `skip` items ("unitId/nodeCode") left for the test to do by hand.
 */
export function appraiseEarlier(
  dataDir: string,
  memberId: string,
  field: string,
  units: (unitId: string) => boolean,
  skip: readonly string[] = [],
): number {
  const db = openDatabase(path.join(dataDir, 'cchc.sqlite'));
  try {
    const scope = makeScope(db, dataDir, DEMO_CYCLE_ID, memberId, 'member');
    const ctx = cycleContext(db, DEMO_CYCLE_ID);
    const r2 = db.prepare('SELECT round2_input FROM dossier_items WHERE unit_id = ? AND node_code = ?').pluck();
    let n = 0;
    for (const unit of ctx.units.values()) {
      if (!units(unit.id)) continue;
      const g = ctx.groups.get(unit.group)!;
      for (const leaf of g.plan.leaves) {
        if (leaf.survey || g.plan.fields[leaf.fieldIndex]!.code !== field || skip.includes(`${unit.id}/${leaf.code}`))
          continue;
        const input = r2.get(unit.id, leaf.code) as string | null | undefined;
        if (!input) continue;
        try {
          setAppraisal(scope, { unitId: unit.id, nodeCode: leaf.code, input: JSON.parse(input) as never });
          n += 1;
        } catch (e) {
          // A lowered benchmark (approved, on the leaf or above it) leaves nothing to appraise.
          if ((e as { code?: string }).code !== 'NODE_EXEMPTED') throw e;
        }
      }
    }
    return n;
  } finally {
    db.close();
  }
}

/**
 * The browser and the stations (harness + page per machine) of an e2e file: built and launched
 * before its tests, closed after them, with their temporary data folders removed.
 */
export function stationsFixture() {
  let browser: Browser | undefined;
  const stations: Station[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    await buildRenderer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const s of stations) await s.close();
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    stations,
    get browser(): Browser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    tmp(prefix: string): string {
      const d = mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
  };
}

/** Follows a link of the top bar (the main navigation). */
export async function nav(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

/** Follows a step of the secretariat's steps bar (Tổng hợp). */
export async function secretariatStep(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Các bước tổng hợp của cơ quan thường trực' })
    .getByRole('link', { name: label })
    .click();
}
