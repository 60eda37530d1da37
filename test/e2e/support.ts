/**
 * End-to-end support: the real renderer (built once per test worker into a temp folder) on
 * the loopback harness, driven by Debian Chromium through playwright-core.
 *
 *   const app = await openApp();               // fresh temp data dir, first-run state
 *   await completeFirstRun(app.page);          // or drive the form yourself
 *   await app.screenshot('home');              // → <SCREENSHOT_DIR>/home.png
 *   expect(app.problems).toEqual([]);          // console errors, page errors, CSP violations
 *   await app.close();                         // browser, harness, temp dirs
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../electron/harness/chromium.ts';
import { copyDemoStore } from '../demo-seed.ts';
import type { Identity } from '../../shared/contract/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where screenshots go: $CCHC_SCREENSHOTS or <tmp>/cchc-screenshots. */
export const SCREENSHOT_DIR = process.env.CCHC_SCREENSHOTS ?? path.join(os.tmpdir(), 'cchc-screenshots');

let built: Promise<string> | null = null;

/** Builds the renderer once per worker (vite, ~1–2 s) into a temp folder; returns that folder. */
export function buildRenderer(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    removeStaleBuilds();
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'cchc-renderer-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(outDir) : reject(new Error(`vite build failed (${code}): ${err}`)),
    );
  });
  return built;
}

/** Workers killed by the test runner skip their exit hook: sweep builds older than an hour. */
function removeStaleBuilds(): void {
  const tmp = os.tmpdir();
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith('cchc-renderer-')) continue;
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
    } catch {
      // raced with another worker: fine
    }
  }
}

export interface OpenAppOptions {
  /** Reuse a data folder (e.g. to reopen after close); default a fresh temp one, removed on close. */
  readonly dataDir?: string;
  readonly viewport?: { width: number; height: number };
  /** Hash route to open, e.g. '/thanh-vien'. */
  readonly route?: string;
  /** Put the demo cycle into an empty data folder (default true, as `npm start` does). */
  readonly demo?: boolean;
}

export interface E2EApp {
  readonly harness: Harness;
  readonly dataDir: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  readonly problems: string[];
  /** Full-page PNG at <SCREENSHOT_DIR>/<name>.png; returns the path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the harness on a data folder and opens the app in headless Debian Chromium. */
export async function openApp(options: OpenAppOptions = {}): Promise<E2EApp> {
  const rendererDir = await buildRenderer();
  const ownData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-data-'));
  // A fresh folder gets the demo store built once per run (test/demo-seed.ts), as the harness would build it.
  if (ownData && options.demo !== false) copyDemoStore(dataDir);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-profile-'));
  const harness = await startHarness({
    dataDir,
    rendererDir,
    ...(options.demo === undefined ? {} : { demo: options.demo }),
  });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', ...CHROMIUM_FLAGS],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  } catch (e) {
    await harness.close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url().replace(/token=[0-9a-f]+/, 'token=…')}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(options.route ? `${harness.url}#${options.route}` : harness.url);

  return {
    harness,
    dataDir,
    context,
    page,
    problems,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      await harness.close();
      rmSync(profile, { recursive: true, force: true });
      if (ownData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const SAMPLE_IDENTITY: Identity = {
  name: 'Nguyễn Thị Hồng Nhung',
  position: 'Phó Giám đốc Sở',
  agency: 'Sở Tư pháp tỉnh Sóc Trăng',
  role: 'member',
};

/** Fills and submits the first-run screen, then waits for the home screen. */
export async function completeFirstRun(page: Page, identity: Identity = SAMPLE_IDENTITY): Promise<void> {
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(identity.name);
  await page.getByRole('textbox', { name: 'Chức vụ' }).fill(identity.position);
  await page.getByRole('textbox', { name: 'Cơ quan' }).fill(identity.agency);
  await page
    .getByRole('radio', { name: identity.role === 'member' ? /Thành viên Hội đồng/ : /Cơ quan thường trực/ })
    .check();
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await page.getByRole('heading', { level: 1, name: `Xin chào, ${identity.name}` }).waitFor();
}
