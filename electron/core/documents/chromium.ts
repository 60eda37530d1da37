/**
 * The PdfPrinter of the harness and the CLI: playwright-core driving Debian Chromium
 * (never a downloaded browser). One browser per process, launched on first use (or by
 * warmUp(), while the caller builds the document) with playwright's own temporary
 * profile, reused for every document, closed at exit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type PdfPrinter, type PngRenderer, PRINT_OPTIONS } from './printer.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.ts';
import { FONT_DATA, fontFileUrls, withFontFiles } from './fonts.ts';

/** Where Chromium is ($CHROMIUM_PATH, else Debian's). */
const CHROMIUM_EXECUTABLE = CHROMIUM_PATH;

/** Headless, with the flags every launch here uses. */
const CHROMIUM_PRINT_FLAGS = ['--headless', ...CHROMIUM_FLAGS] as const;

export interface ChromiumPrinterOptions {
  readonly executablePath?: string;
  /** Milliseconds to wait for a page to load its content and fonts (default 60 s). */
  readonly timeout?: number;
}

/**
 * How long warmUp() yields once the launch has started: playwright spawns Chromium after a
 * few turns of the event loop (about 17 ms here), and only then can its start overlap the
 * caller's synchronous work. A shorter wait costs the overlap, never a document.
 */
const LAUNCH_HEAD_START_MS = 25;

interface Launched {
  readonly browser: Browser;
  readonly context: BrowserContext;
}

export class ChromiumPdfPrinter implements PdfPrinter, PngRenderer {
  private context: Promise<Launched> | null = null;
  /** Where each document is written for the page to load (file: URL), removed at close. */
  private pages: string | null = null;
  private written = 0;
  /** The file: URLs a page may load. */
  private readonly files = new Set<string>();
  private readonly executablePath: string;
  private readonly timeout: number;

  constructor(options: ChromiumPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? CHROMIUM_EXECUTABLE;
    this.timeout = options.timeout ?? 60_000;
  }

  private async browser(): Promise<BrowserContext> {
    if (!this.context) {
      this.context = (async () => {
        const { chromium } = await import('playwright-core');
        this.pages ??= mkdtempSync(join(tmpdir(), 'cchc-print-pages-')); // one folder, whatever the attempts
        let browser: Browser | undefined;
        try {
          // launch() + a context: about 0,17 s sooner than a persistent context on a new profile.
          browser = await chromium.launch({
            executablePath: this.executablePath,
            headless: true,
            args: [...CHROMIUM_PRINT_FLAGS],
          });
          const context = await browser.newContext({ offline: true });
          // Documents are self-contained: refuse any request but data:, about: and the files
          // load() names (the document and its fonts). Nothing leaves the machine.
          await context.route(/^(?!data:|about:)/, (route) =>
            this.files.has(route.request().url()) ? route.continue() : route.abort(),
          );
          return { browser, context };
        } catch (e) {
          this.context = null;
          await browser?.close().catch(() => undefined); // started, but no context: not left running
          throw new CodedFailure(
            'DOCUMENT_BROWSER_FAILED',
            `Không khởi động được Chromium (${this.executablePath}) để in văn bản: ${(e as Error).message.split('\n')[0]}`,
          );
        }
      })();
    }
    return (await this.context).context;
  }

  /**
   * Starts the browser, if it is not running, and returns after giving its launch a head
   * start of LAUNCH_HEAD_START_MS (enough here for playwright to spawn Chromium; nothing
   * confirms it), so that building the document overlaps Chromium's start (the HTML of
   * 150 units takes about 0,35 s). Never throws: a launch that fails is reported by the
   * print that follows.
   */
  async warmUp(): Promise<void> {
    if (this.context) return;
    await import('playwright-core');
    this.browser().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, LAUNCH_HEAD_START_MS));
  }

  async printToPdf(html: string): Promise<Uint8Array> {
    const ctx = await this.browser();
    const page = await ctx.newPage();
    try {
      page.setDefaultTimeout(this.timeout);
      await this.load(page, html);
      const pdf = await page.pdf({ ...PRINT_OPTIONS, format: 'A4' });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await page.close();
    }
  }

  async renderPng(html: string, width: number, height = 400): Promise<Uint8Array> {
    const ctx = await this.browser();
    const page = await ctx.newPage();
    try {
      await page.setViewportSize({ width, height });
      await this.load(page, html);
      const png = await page.screenshot({ fullPage: true, type: 'png' });
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      await page.close();
    }
  }

  /**
   * Opens the document from a file, its fonts read from their files (withFontFiles): far
   * faster than handing Chromium the HTML with 3 MB of base64 fonts. Waits for the fonts.
   */
  private async load(page: Page, html: string): Promise<void> {
    const file = join(this.pages!, `document-${++this.written}.html`);
    const url = pathToFileURL(file).href;
    const fonts = html.includes(FONT_DATA) ? fontFileUrls() : [];
    writeFileSync(file, fonts.length > 0 ? withFontFiles(html) : html, 'utf8');
    for (const u of [url, ...fonts]) this.files.add(u);
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    } finally {
      this.files.delete(url);
      rmSync(file, { force: true });
    }
  }

  async close(): Promise<void> {
    const c = this.context;
    this.context = null;
    if (c) {
      try {
        await (await c).browser.close();
      } catch {
        /* never launched, or already gone */
      }
    }
    if (this.pages) rmSync(this.pages, { recursive: true, force: true });
    this.pages = null;
  }
}

let shared: ChromiumPdfPrinter | null = null;

/** The process's printer: launched lazily, reused, closed when the process exits. */
export function sharedChromiumPrinter(): ChromiumPdfPrinter {
  if (!shared) {
    shared = new ChromiumPdfPrinter();
    const p = shared;
    process.once('beforeExit', () => void p.close());
  }
  return shared;
}

/** Closes the process's printer (the CLI calls it before exiting). */
export async function closeSharedPrinter(): Promise<void> {
  const p = shared;
  shared = null;
  if (p) await p.close();
}
