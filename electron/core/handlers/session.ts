/** Handlers of `session.*`: the member's identity, kept in the settings store. */
import { Identity } from '../../../shared/contract/index.ts';
import type { Handler } from '../router.ts';

export const sessionGet: Handler<'session.get'> = (ctx) => {
  // A hand-edited or corrupted settings file reads as "not set yet": the first-run screen asks again.
  const stored = Identity.safeParse(ctx.settings.get('identity'));
  return { identity: stored.success ? stored.data : null };
};

export const sessionSetIdentity: Handler<'session.setIdentity'> = (ctx, identity) => {
  ctx.settings.set('identity', identity);
  return { identity };
};
