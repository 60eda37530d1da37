/**
 * The demo store built once per test run (test/global-setup.ts builds it with initDemo, the
 * set-up and intake path the app takes at first run), copied into a test's own folder: the
 * database file under the name asked for, and the evidence files beside it. Tests about the
 * build itself (test/db/demo.test.ts, test/cli/init-demo.test.ts) build it again.
 */
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    demoSeed: string;
  }
}

const SEED_DB = 'cchc.sqlite';

/** Writes the demo store into `dir` (database `name`, evidence/); returns the database's path. */
export function copyDemoStore(dir: string, name = SEED_DB): string {
  const seed = inject('demoSeed');
  if (!seed || !existsSync(join(seed, SEED_DB))) throw new Error('the demo seed of test/global-setup.ts is missing');
  const path = join(dir, name);
  copyFileSync(join(seed, SEED_DB), path);
  cpSync(join(seed, 'evidence'), join(dir, 'evidence'), { recursive: true });
  return path;
}
