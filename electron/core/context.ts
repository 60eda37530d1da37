/** What every handler receives as its first argument. */
import type { TransportName } from '../../shared/contract/index.ts';
import type { CoreContext } from './open.ts';
import type { Settings } from './settings.ts';
import type { SecretBox } from './exchange/keys.ts';
import type { PdfPrinter } from './documents/printer.ts';

export interface HandlerContext {
  readonly core: CoreContext;
  readonly settings: Settings;
  readonly app: {
    readonly version: string;
    readonly transport: TransportName;
  };
  /** Electron: opens a file with the system's viewer (shell.openPath). */
  readonly openFile?: (path: string) => Promise<void>;
  /** Browser harness: a short-lived address (ticket in the query) that serves one evidence file. */
  readonly evidenceUrl?: (file: { readonly sha256: string; readonly fileName: string }) => string;
  /** Electron: shows a save dialog and copies a file the core produced (the outbox) where the user chose. */
  readonly saveFile?: (
    source: string,
    suggestedName: string,
  ) => Promise<{ readonly saved: boolean; readonly fileName: string | null }>;
  /** Browser harness: a short-lived address (/download/<ticket>) that downloads one outbox file as an attachment. */
  readonly downloadUrl?: (file: { readonly path: string; readonly fileName: string }) => string;
  /** Electron: the OS keychain (safeStorage) sealing the identity key; absent: a passphrase protects it. */
  readonly keyBox?: SecretBox;
  /** Electron: printToPDF in a hidden window (ElectronPdfPrinter); absent over HTTP: the shared Chromium printer. */
  readonly printer?: PdfPrinter;
}

/** A path for display: the home folder shortened to "~". */
export function displayPath(path: string, home: string): string {
  if (!home) return path;
  const h = home.replace(/[\\/]+$/, '');
  if (path === h) return '~';
  for (const sep of ['/', '\\']) {
    if (path.startsWith(h + sep)) return `~${sep}${path.slice(h.length + 1)}`;
  }
  return path;
}
