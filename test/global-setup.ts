/**
 * vitest globalSetup:
 * - the CLI tests run the bundled CLI (dist/cli/main.js) as child processes, as `npm run -s cchc`
 *   does; it is built here, once per run, when it is missing (a fresh clone) or older than one of
 *   its sources (scripts/build-cli.mjs --if-stale);
 * - the demo store is built here once, through the set-up and intake path (initDemo), and test
 *   helpers copy it (test/demo-seed.ts) instead of building it again in every file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../electron/core/db/connection.ts';
import { initDemo } from '../electron/core/demo/init.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  const seed = mkdtempSync(join(tmpdir(), 'cchc-demo-seed-'));
  const db = openDatabase(join(seed, 'cchc.sqlite'));
  try {
    await initDemo(db, seed);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  project.provide('demoSeed', seed);
  return () => rmSync(seed, { recursive: true, force: true });
}
