/**
 * The app's PdfPrinter: a hidden, sandboxed window (no preload, no JavaScript) in its own
 * session, which serves the document being printed from memory at app://print/ and
 * refuses every other request; webContents.printToPDF takes the page size and margins
 * from the document's @page rule. One window, reused; documents print one at a time.
 */
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../core/documents/printer.ts';
import { PRINT_OPTIONS } from '../core/documents/printer.ts';
import { APP_SCHEME, isAllowedPrintRequest, isPrintDocumentUrl, PRINT_DOCUMENT_URL } from './security.ts';

const PARTITION = 'cchc-print';

export class ElectronPdfPrinter implements PdfPrinter {
  private win: BrowserWindow | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private html = '';

  private window(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win;
    const ses = session.fromPartition(PARTITION, { cache: false });
    ses.protocol.handle(APP_SCHEME, (request) =>
      isPrintDocumentUrl(request.url)
        ? new Response(this.html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
        : new Response('', { status: 404 }),
    );
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url) }));
    this.win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        partition: PARTITION,
        spellcheck: false,
      },
    });
    this.win.webContents.on('will-navigate', (e) => e.preventDefault());
    this.win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return this.win;
  }

  printToPdf(html: string): Promise<Uint8Array> {
    const job = this.queue.then(async () => {
      this.html = html;
      const win = this.window();
      await win.loadURL(PRINT_DOCUMENT_URL);
      const pdf = await win.webContents.printToPDF({ ...PRINT_OPTIONS, pageSize: 'A4' });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.destroy();
    this.win = null;
    this.html = '';
  }
}
