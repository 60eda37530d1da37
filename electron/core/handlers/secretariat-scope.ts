/** The scope of a secretariat's call: SECRETARIAT_KEY_REQUIRED without its unlocked key, SECRETARIAT_ONLY for a member. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import type { Scope } from '../dossier/scope.ts';
import { scopeOf, secretariatKeyFailure } from './scope.ts';

/** The scope and the audit actor (the roster's secretariat entry, else "secretariat"). */
export function secretariatScope(ctx: HandlerContext, what: string): { scope: Scope; actor: string } {
  const scope = scopeOf(ctx);
  const locked = secretariatKeyFailure(scope, what);
  if (locked) throw locked;
  if (scope.role !== 'secretariat') {
    throw new CodedFailure('SECRETARIAT_ONLY', `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}.`, {
      action: what,
    });
  }
  return { scope, actor: scope.member?.id ?? 'secretariat' };
}
