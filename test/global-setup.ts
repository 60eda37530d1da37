/**
 * vitest globalSetup: the CLI tests run the bundled CLI (dist/cli/main.js) as child
 * processes, as `npm run -s cchc` does; it is built here, once per run, when it is missing
 * (a fresh clone) or older than one of its sources (scripts/build-cli.mjs --if-stale).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
}
