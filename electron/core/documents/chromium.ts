/**
 * The PdfPrinter of the harness and the CLI: playwright-core driving Debian Chromium
 * (never a downloaded browser). One browser per process, launched on first use with a
 * fresh temporary profile, reused for every document, closed at exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type PdfPrinter, type PngRenderer, PRINT_OPTIONS } from './printer.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.ts';

/** Where Chromium is ($CHROMIUM_PATH, else Debian's). */
const CHROMIUM_EXECUTABLE = CHROMIUM_PATH;

/** Headless, with the flags every launch here uses. */
const CHROMIUM_PRINT_FLAGS = ['--headless', ...CHROMIUM_FLAGS] as const;

export interface ChromiumPrinterOptions {
  readonly executablePath?: string;
  /** Milliseconds to wait for a page to load its content and fonts (default 60 s). */
  readonly timeout?: number;
}

export class ChromiumPdfPrinter implements PdfPrinter, PngRenderer {
  private context: Promise<BrowserContext> | null = null;
  private profile: string | null = null;
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
        this.profile = mkdtempSync(join(tmpdir(), 'cchc-print-'));
        try {
          const ctx = await chromium.launchPersistentContext(this.profile, {
            executablePath: this.executablePath,
            headless: true,
            args: [...CHROMIUM_PRINT_FLAGS],
            offline: true,
          });
          // Documents are self-contained: refuse any request that is not data: or about:.
          await ctx.route(/^(?!data:|about:)/, (route) => route.abort());
          return ctx;
        } catch (e) {
          this.context = null;
          throw new CodedFailure(
            'DOCUMENT_BROWSER_FAILED',
            `Không khởi động được Chromium (${this.executablePath}) để in văn bản: ${(e as Error).message.split('\n')[0]}`,
          );
        }
      })();
    }
    return this.context;
  }

  async printToPdf(html: string): Promise<Uint8Array> {
    const ctx = await this.browser();
    const page = await ctx.newPage();
    try {
      page.setDefaultTimeout(this.timeout);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
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
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const png = await page.screenshot({ fullPage: true, type: 'png' });
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const c = this.context;
    this.context = null;
    if (c) {
      try {
        await (await c).close();
      } catch {
        /* already gone */
      }
    }
    if (this.profile) {
      rmSync(this.profile, { recursive: true, force: true });
      this.profile = null;
    }
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
