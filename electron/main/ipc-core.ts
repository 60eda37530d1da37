/** What the IPC glue does with each call, without electron: sender check, then the router. */
import { CONTRACT_ERRORS } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/errors/codes.ts';
import type { Router } from '../core/router.ts';
import { isTrustedSender } from './security.ts';

export async function handleIpcCall(
  router: Router,
  senderUrl: string | undefined,
  method: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: CONTRACT_ERRORS.FORBIDDEN_SENDER } };
  }
  return router.call(method, input);
}
