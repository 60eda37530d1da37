/**
 * The installation's key as the handlers see it: read, unlocked from the OS keychain when it
 * sealed it, cached per core. Kept apart from the identity handlers so that scope checks can
 * ask "is the key unlocked?" without importing the handlers.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import type { HandlerContext } from '../context.ts';
import type { Signer } from '../exchange/keys.ts';
import { type IdentityInfo, readIdentityInfo, unlockIdentity } from '../exchange/keystore.ts';
import type { CoreContext } from '../open.ts';

export const unlocked = new WeakMap<CoreContext, Signer>();

export function info(ctx: HandlerContext): IdentityInfo | null {
  return readIdentityInfo(ctx.core.dataDir);
}

/** The OS keychain opens a key it sealed without asking anything. */
export function autoUnlock(ctx: HandlerContext, i: IdentityInfo): Signer | null {
  const cached = unlocked.get(ctx.core);
  if (cached && cached.fingerprint === i.fingerprint) return cached;
  if (ctx.keyBox && i.protection === ctx.keyBox.kind) {
    const s = unlockIdentity(ctx.core.dataDir, ctx.keyBox);
    unlocked.set(ctx.core, s);
    return s;
  }
  return null;
}

/** The installation's key if it is unlocked now, else null (never throws). */
export function unlockedSigner(ctx: HandlerContext): Signer | null {
  try {
    const i = info(ctx);
    return i ? autoUnlock(ctx, i) : null;
  } catch {
    return null;
  }
}

/** The installation's public key fingerprint, or null (no key, or an unreadable key file). */
export function installationFingerprint(ctx: HandlerContext): string | null {
  try {
    return info(ctx)?.fingerprint ?? null;
  } catch {
    return null;
  }
}

/** The installation's signer, unlocked; IDENTITY_LOCKED / EXCHANGE_IDENTITY_MISSING otherwise. */
export function signerOf(ctx: HandlerContext): Signer {
  const i = info(ctx);
  if (!i) throw new CodedFailure('EXCHANGE_IDENTITY_MISSING', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_MISSING);
  const s = autoUnlock(ctx, i);
  if (!s)
    throw new CodedFailure(
      'IDENTITY_LOCKED',
      'Khóa định danh của máy này đang khóa. Hãy nhập mật khẩu bảo vệ khóa để mở khóa rồi thử lại.',
    );
  return s;
}

/** The public side of the key, or EXCHANGE_IDENTITY_MISSING. */
export function keyInfoOf(ctx: HandlerContext): IdentityInfo {
  const i = info(ctx);
  if (!i) throw new CodedFailure('EXCHANGE_IDENTITY_MISSING', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_MISSING);
  return i;
}
