/**
 * Chromium's command line is readable by every user of the machine (ps, /proc/<pid>/cmdline),
 * so the harness's per-run token must not be on it. The window opens a small page in the
 * private profile folder (mkdtemp: 0700, this user only) that moves on to the address with
 * the token; the command line names only that file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function writeLaunchPage(profileDir: string, url: string): string {
  const file = path.join(profileDir, 'mo-ung-dung.html');
  const href = JSON.stringify(url).replace(/</g, '\\u003c');
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${attr}"><title>Thẩm định Chỉ số CCHC</title><script>location.replace(${href})</script>\n`,
    { mode: 0o600 },
  );
  return pathToFileURL(file).href;
}
