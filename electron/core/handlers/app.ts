/** Handlers of `app.*`. */
import type { Handler } from '../router.ts';
import { displayPath } from '../context.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { DEMO_CYCLE_ID, initDemo } from '../demo/init.ts';

export const appInfo: Handler<'app.info'> = (ctx) => ({
  version: ctx.app.version,
  transport: ctx.app.transport,
  dataDir: displayPath(ctx.core.dataDir, process.env.HOME ?? process.env.USERPROFILE ?? ''),
});

export const appOpenDemo: Handler<'app.openDemo'> = async (ctx) => {
  const created = !getCycle(ctx.core.db, DEMO_CYCLE_ID);
  if (created) await initDemo(ctx.core.db, ctx.core.dataDir);
  ctx.settings.set('cycleId', DEMO_CYCLE_ID);
  return { cycleId: DEMO_CYCLE_ID, created };
};
