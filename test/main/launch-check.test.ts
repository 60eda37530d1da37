/**
 * `npm start` where Electron cannot start: the prestart check says what failed,
 * in Vietnamese and English, and points to `npm run start:browser`, at once and with exit 1;
 * where the binary runs it says nothing. Run as a child process, as npm runs it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../db/support.ts';

const SCRIPT = fileURLToPath(new URL('../../electron/main/launch-check.mjs', import.meta.url));
const PKG = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
  scripts: Record<string, string>;
};

function check(electronDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CCHC_ELECTRON_DIR: electronDir };
  delete env['ELECTRON_OVERRIDE_DIST_PATH'];
  return spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8', timeout: 30_000 });
}

describe('the check before npm start', () => {
  const newDir = tempDirs('cchc-electron-');

  it('runs before electron-rebuild and electron', () => {
    expect(PKG.scripts['prestart']).toMatch(/^node electron\/main\/launch-check\.mjs && /);
  });

  it('says the binary is missing, in Vietnamese and English, pointing to start:browser', () => {
    const r = check(newDir()); // no path.txt: electron's postinstall never fetched the binary
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'Không khởi động được ứng dụng Electron: máy này không có tệp chạy của Electron (không tải được khi cài đặt).',
        'Hãy mở ứng dụng trong trình duyệt: npm run start:browser',
        '',
        'Electron cannot start: the Electron binary is missing on this machine (it could not be downloaded at install time).',
        'Open the app in a browser instead: npm run start:browser',
        '',
      ].join('\n'),
    );
  });

  it('says the binary does not start when it fails to run', () => {
    const dir = newDir();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    writeFileSync(
      path.join(dir, 'dist', 'electron'),
      '#!/bin/sh\necho "error while loading shared libraries: libgtk-3.so.0" >&2\nexit 127\n',
    );
    chmodSync(path.join(dir, 'dist', 'electron'), 0o755);
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Không khởi động được ứng dụng Electron: tệp chạy của Electron không khởi động được (error while loading shared libraries: libgtk-3.so.0).',
    );
    expect(r.stderr).toContain(
      'Electron cannot start: the Electron binary does not start (error while loading shared libraries: libgtk-3.so.0).',
    );
    expect(r.stderr).toContain('npm run start:browser');
  });

  it('says nothing and lets npm start go on when the binary runs', () => {
    const dir = newDir();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    symlinkSync(process.execPath, path.join(dir, 'dist', 'electron')); // node answers --version as Electron does with ELECTRON_RUN_AS_NODE
    const r = check(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
