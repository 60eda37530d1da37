#!/usr/bin/env node
/**
 * Runs before `npm start` (the `prestart` script): is there an Electron binary that starts?
 * `require('electron')` would try to download the binary (minutes of retries offline, then an
 * English stack trace), so this reads the package's path.txt itself, checks the file is there
 * and runs it once with `--version`. When Electron cannot start it says so in Vietnamese and
 * English, points to `npm run start:browser`, and exits 1 within seconds.
 * CCHC_ELECTRON_DIR replaces the electron package folder (for tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function electronDir() {
  if (process.env.CCHC_ELECTRON_DIR) return process.env.CCHC_ELECTRON_DIR;
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Why Electron cannot start, as [Vietnamese, English], or null when it can. */
function problem() {
  const dir = electronDir();
  if (!dir) return ['gói electron chưa được cài (chạy npm ci)', 'the electron package is not installed (run npm ci)'];
  const pathFile = path.join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, name || 'electron') : name ? path.join(dir, 'dist', name) : null;
  if (!binary || !existsSync(binary)) {
    return [
      'máy này không có tệp chạy của Electron (không tải được khi cài đặt)',
      'the Electron binary is missing on this machine (it could not be downloaded at install time)',
    ];
  }
  const run = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (run.error || run.status !== 0) {
    const why = (run.error?.message ?? run.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${run.status}`;
    return [
      `tệp chạy của Electron không khởi động được (${why.trim()})`,
      `the Electron binary does not start (${why.trim()})`,
    ];
  }
  return null;
}

const p = problem();
if (p) {
  process.stderr.write(
    [
      `Không khởi động được ứng dụng Electron: ${p[0]}.`,
      `Hãy mở ứng dụng trong trình duyệt: npm run start:browser`,
      ``,
      `Electron cannot start: ${p[1]}.`,
      `Open the app in a browser instead: npm run start:browser`,
      ``,
    ].join('\n'),
  );
  process.exit(1);
}
