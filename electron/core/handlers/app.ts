/** Handlers of `app.*`. */
import type { Handler } from '../router.ts';
import { displayPath } from '../context.ts';

export const appInfo: Handler<'app.info'> = (ctx) => ({
  version: ctx.app.version,
  transport: ctx.app.transport,
  dataDir: displayPath(ctx.core.dataDir, process.env.HOME ?? process.env.USERPROFILE ?? ''),
});
