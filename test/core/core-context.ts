import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CoreContext, openDataFolder } from '../../electron/core/open.ts';
import { copyDemoStore } from '../demo-seed.ts';

/** A real core on a fresh temporary data folder; `demo`: with the demo store (test/demo-seed.ts). */
export function testCore(demo = false): CoreContext {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-core-'));
  if (demo) copyDemoStore(dir);
  return openDataFolder(dir);
}
