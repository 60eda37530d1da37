/**
 * The glue that imports electron cannot run here, so its shape is checked from the source:
 * few small files, the security constants applied, nothing unsafe switched on. Which layer may
 * import which (no electron outside electron/main and electron/preload, the renderer only through
 * its api client, shared/ pure, no SQL outside electron/core/db) is Biome's job: see biome.jsonc.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(abs, name);
    if (statSync(p).isDirectory()) return files(path.join(dir, name));
    return /\.tsx?$/.test(name) ? [path.join(dir, name)] : [];
  });
}
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const importsElectron = (src: string) =>
  /from\s+'electron'|require\('electron'\)|from\s+'electron-store'/.test(src.replace(/import type[^;]+;/g, ''));

describe('layers', () => {
  it('keeps the electron glue to a few small files', () => {
    const glue = files('electron/main').filter((f) => importsElectron(read(f)));
    expect(glue.map((f) => path.basename(f)).sort()).toEqual([
      'ipc.ts',
      'main.ts',
      'pdf-printer.ts',
      'protocol.ts',
      'settings.ts',
      'window.ts',
    ]);
    for (const f of glue) expect(read(f).split('\n').length, f).toBeLessThan(100);
  });

  it('applies the security decisions and never switches protections off', () => {
    expect(read('electron/main/window.ts')).toMatch(
      /webPreferences: \{ \.\.\.WEB_PREFERENCES, preload: preloadPath \}/,
    );
    expect(read('electron/main/window.ts')).toMatch(
      /setWindowOpenHandler[\s\S]*isAllowedExternalUrl\(url\)[\s\S]*action: 'deny'/,
    );
    expect(read('electron/main/window.ts')).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(read('electron/main/ipc.ts')).toMatch(/handleIpcCall\(router, event\.senderFrame\?\.url/);
    expect(read('electron/main/protocol.ts')).toMatch(/resolveAppPath\(rendererRoot, request\.url\)/);
    expect(read('electron/main/protocol.ts')).toMatch(/SECURITY_HEADERS/);
    for (const f of [...files('electron'), ...files('renderer')]) {
      const src = read(f);
      expect(src, f).not.toMatch(
        /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
      );
      expect(src, f).not.toMatch(/\bloadFile\(|file:\/\/\$\{|openExternal\((?!url\))/);
    }
  });

  it('the preload exposes named functions only, never ipcRenderer', () => {
    const src = read('electron/preload/preload.ts');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toMatch(/exposeInMainWorld\(GLOBAL_API_NAME, api\)/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(src).not.toMatch(/\bsend\b\s*:|invoke\s*:/);
  });
});
