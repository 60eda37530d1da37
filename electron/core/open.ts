/**
 * The seam between the transports (Electron main, HTTP harness) and the core: everything
 * the handlers need from the data folder. The core engineer extends CoreContext with the
 * database handle (openDatabase(<dataDir>/cchc.sqlite) + initDemo on first run).
 */
export interface CoreContext {
  /** Absolute path of the data folder (Electron: app.getPath('userData')). */
  readonly dataDir: string;
  /** Releases what openCore acquired (database handle…). Idempotent. */
  close(): void;
}

export function openCore(dataDir: string): CoreContext {
  return {
    dataDir,
    close() {},
  };
}
