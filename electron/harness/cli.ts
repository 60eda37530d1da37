/**
 * `npm run start:browser [-- --data-dir DIR] [--port N] [--no-open]`: the renderer (built by
 * the script just before) on the loopback harness, opened in Debian Chromium as an app window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server.ts';
import { CHROMIUM_PATH, chromiumArgs } from './chromium.ts';
import { writeLaunchPage } from './launch-page.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});

const dataDir = values['data-dir']
  ? path.resolve(values['data-dir'])
  : mkdtempSync(path.join(os.tmpdir(), 'cchc-data-'));
mkdirSync(dataDir, { recursive: true });
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Cổng không hợp lệ: ${values.port}\n`);
  process.exit(2);
}

const harness = await startHarness({ dataDir, port });
process.stdout.write(`Thẩm định Chỉ số CCHC — máy chủ thử nghiệm\n  Địa chỉ: ${harness.url}\n  Dữ liệu: ${dataDir}\n`);

let browser: ChildProcess | null = null;
let profile: string | null = null;
async function shutdown(code: number): Promise<void> {
  if (browser && browser.exitCode === null) browser.kill('SIGTERM');
  await harness.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

if (!values['no-open']) {
  profile = mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  // The token stays off Chromium's command line (readable by every user): a page in the private profile carries it.
  browser = spawn(
    CHROMIUM_PATH,
    [...chromiumArgs({ headless: false, userDataDir: profile }), `--app=${writeLaunchPage(profile, harness.url)}`],
    {
      stdio: 'ignore',
    },
  );
  browser.on('error', (e) => process.stderr.write(`Không mở được Chromium (${CHROMIUM_PATH}): ${e.message}\n`));
  browser.on('exit', () => void shutdown(0));
} else {
  process.stdout.write('  (Ctrl+C để dừng)\n');
}
