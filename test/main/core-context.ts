import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CoreContext, openCore } from '../../electron/core/open.ts';

/** A real core on a fresh temporary data folder; `demo` loads the demo cycle (≈1 s). */
export function testCore(demo = false): CoreContext {
  return openCore(mkdtempSync(join(tmpdir(), 'cchc-core-')), { demo });
}
