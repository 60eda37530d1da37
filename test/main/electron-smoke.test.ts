/**
 * The Electron binary cannot run on these machines, so the built main bundle is loaded under
 * Node with a recording stand-in for the `electron` module (a Module._load hook). It must open
 * its database in the data folder, open one window with the security settings, load the app
 * from app://, and answer its IPC contract from its own frame only. Every refactor of the glue
 * can break this; the test catches it before a user's `npm start` does.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMain } from '../../electron/main/bundle.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { contract, ipcChannel, listMethods } from '../../shared/contract/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Fn = (...args: unknown[]) => unknown;
interface Recorded {
  windows: { options: Record<string, unknown>; urls: string[] }[];
  handlers: Map<string, Fn>;
  schemes: unknown[];
  protocolHandlers: string[];
  menu: unknown;
  quit: number;
  appEvents: Map<string, Fn[]>;
}

/** A stand-in for the electron module: records what main does; unknown members are no-op functions. */
function fakeElectron(dataDir: string, rec: Recorded): unknown {
  const noop = new Proxy(() => {}, { get: (_t, p) => (p === 'then' ? undefined : noop), apply: () => undefined });
  const permissive = <T extends object>(o: T): T =>
    new Proxy(o, { get: (t, p) => (p in t ? (t as Record<string | symbol, unknown>)[p] : noop) });
  class BrowserWindow {
    readonly record: { options: Record<string, unknown>; urls: string[] };
    readonly webContents = permissive({
      on: () => undefined,
      setZoomFactor: () => undefined,
      getZoomFactor: () => 1,
      setWindowOpenHandler: () => undefined,
    });
    constructor(options: Record<string, unknown>) {
      this.record = { options, urls: [] };
      rec.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.urls.push(url);
      return Promise.resolve();
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const app = permissive({
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event: string, fn: Fn) => rec.appEvents.set(event, [...(rec.appEvents.get(event) ?? []), fn]),
    quit: () => void rec.quit++,
    getAppPath: () => ROOT,
    getPath: (name: string) => (name === 'userData' ? dataDir : path.join(dataDir, name)),
    getVersion: () => '0.0.0-smoke',
    getName: () => 'cchc-smoke',
  });
  return permissive({
    app,
    BrowserWindow,
    ipcMain: permissive({
      handle: (channel: string, fn: Fn) => void rec.handlers.set(channel, fn),
      on: () => undefined,
    }),
    protocol: permissive({
      registerSchemesAsPrivileged: (s: unknown) => void rec.schemes.push(s),
      handle: (scheme: string) => void rec.protocolHandlers.push(scheme),
    }),
    session: { defaultSession: permissive({}) },
    Menu: permissive({ buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (rec.menu = m) }),
    safeStorage: permissive({ isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' }),
    screen: permissive({ getAllDisplays: () => [] }),
    dialog: permissive({}),
    shell: permissive({}),
  });
}

describe('the built Electron main bundle under Node', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-smoke-'));
  const outDir = path.join(ROOT, 'dist', 'smoke');
  const bundle = path.join(outDir, `main-${process.pid}.cjs`);
  const rec: Recorded = {
    windows: [],
    handlers: new Map(),
    schemes: [],
    protocolHandlers: [],
    menu: null,
    quit: 0,
    appEvents: new Map(),
  };
  const M = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = M._load;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    await bundleMain(bundle);
    copyDemoStore(dataDir);
    const electron = fakeElectron(dataDir, rec);
    M._load = function (request, parent, isMain) {
      if (request === 'electron') return electron;
      return original.call(this, request, parent, isMain);
    };
    Module.createRequire(bundle)(bundle);
    // start() runs after whenReady() and opens the data folder (here the demo store, copied): wait for its window
    for (let i = 0; i < 600 && rec.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  }, 120_000);

  afterAll(() => {
    M._load = original;
    for (const fn of rec.appEvents.get('will-quit') ?? []) fn();
    rmSync(bundle, { force: true });
    rmSync(`${bundle}.map`, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens its database in the data folder and one window with the security settings, loading app://', () => {
    expect(rec.quit).toBe(0);
    expect(existsSync(path.join(dataDir, 'cchc.sqlite'))).toBe(true);
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs['preload'])).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(rec.windows[0]!.urls).toHaveLength(1);
    expect(new URL(rec.windows[0]!.urls[0]!).protocol).toBe('app:');
    expect(rec.protocolHandlers).toEqual(['app']);
    expect(rec.menu).not.toBeNull();
  });

  it('registers one IPC handler per contract method, and nothing else', () => {
    expect([...rec.handlers.keys()].sort()).toEqual(listMethods(contract).map(ipcChannel).sort());
  });

  it('answers its own frame and refuses any other sender', async () => {
    const own = { senderFrame: { url: rec.windows[0]!.urls[0] } };
    const info = (await rec.handlers.get(ipcChannel('app.info'))!(own, undefined)) as {
      ok: boolean;
      value?: { transport: string };
    };
    expect(info.ok).toBe(true);
    expect(info.value?.transport).toBe('electron');
    const overview = (await rec.handlers.get(ipcChannel('workspace.overview'))!(own, undefined)) as {
      ok: boolean;
      value?: { cycle: { name: string; groups: unknown[] } };
    };
    expect(overview.ok).toBe(true);
    expect(overview.value?.cycle.groups.length).toBeGreaterThan(0);
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', undefined]) {
      const r = (await rec.handlers.get(ipcChannel('app.info'))!(
        { senderFrame: url === undefined ? undefined : { url } },
        undefined,
      )) as { ok: boolean; error?: { code: string } };
      expect(r.ok, String(url)).toBe(false);
      expect(r.error?.code).toBe('FORBIDDEN_SENDER');
    }
  });
});
