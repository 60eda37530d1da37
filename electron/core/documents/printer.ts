/**
 * HTML → PDF. The documents are HTML strings (shared/report/html/*) printed by Chromium:
 * playwright-core with Debian Chromium in the harness and the CLI (chromium.ts), Electron's
 * webContents.printToPDF in the app (electron/main/pdf-printer.ts). The page size (A4) and
 * margins come from the document's @page rule.
 */
export interface PdfPrinter {
  printToPdf(html: string): Promise<Uint8Array>;
  /** Gets ready to print (a browser to start) while the caller builds the document; never throws. */
  warmUp?(): Promise<void>;
}

/** A printer that can also render a page to PNG (for charts exported as images). */
export interface PngRenderer {
  renderPng(html: string, width: number, height?: number): Promise<Uint8Array>;
}

/** Options every implementation passes to Chromium's printToPDF. */
export const PRINT_OPTIONS = {
  /** Size and margins from the document's @page rule (A4, 20/15/20/30 mm). */
  preferCSSPageSize: true,
  printBackground: true,
} as const;
