/**
 * The app's PdfPrinter: a hidden, sandboxed window (no preload, no JavaScript, its own
 * session that refuses every request but local files) loads the document from a temporary
 * file and prints it with webContents.printToPDF, the page size and margins taken from the
 * document's @page rule. One window, reused; documents print one at a time.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../core/documents/printer.ts';
import { PRINT_OPTIONS } from '../core/documents/printer.ts';

const PARTITION = 'cchc-print';

export class ElectronPdfPrinter implements PdfPrinter {
  private win: BrowserWindow | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dir = mkdtempSync(join(tmpdir(), 'cchc-print-'));

  private window(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win;
    const ses = session.fromPartition(PARTITION, { cache: false });
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') && !details.url.startsWith('data:') }));
    this.win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: PARTITION, spellcheck: false },
    });
    this.win.webContents.on('will-navigate', (e) => e.preventDefault());
    this.win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return this.win;
  }

  printToPdf(html: string): Promise<Uint8Array> {
    const job = this.queue.then(async () => {
      const file = join(this.dir, 'document.html');
      writeFileSync(file, html, 'utf8');
      const win = this.window();
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({ ...PRINT_OPTIONS, pageSize: 'A4' });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.destroy();
    this.win = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
