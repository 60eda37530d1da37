/**
 * Handlers of `identity.*`, and `signerOf(ctx)` for the handlers that sign. The unlocked
 * key lives here, in the core process, per open core (a WeakMap): it is never returned.
 * Electron passes the OS keychain (ctx.keyBox) and the key opens by itself; otherwise the
 * passphrase given to identity.create / identity.unlock opens it until identity.lock or exit.
 */
import { writeFileSync } from 'node:fs';
import type { KeyStatus } from '../../../shared/contract/identity.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import type { HandlerContext } from '../context.ts';
import { getMember } from '../db/repos/members.ts';
import {
  type IdentityInfo,
  type Signer,
  createIdentity,
  passphraseBox,
  publicKeyFile,
  readIdentityInfo,
  unlockIdentity,
} from '../exchange/keys.ts';
import { memberForKey } from '../council/roster-keys.ts';
import { MIN_PASSPHRASE } from '../exchange/keys.ts';
import { MIN_NEW_PASSPHRASE } from '../../../shared/exchange/passphrase.ts';
import { produceOutbox } from '../files/store.ts';
import type { CoreContext } from '../open.ts';
import type { Handler } from '../router.ts';
import { currentCycleId, currentIdentity } from './scope.ts';

const unlocked = new WeakMap<CoreContext, Signer>();

function info(ctx: HandlerContext): IdentityInfo | null {
  return readIdentityInfo(ctx.core.dataDir);
}

/** The OS keychain opens a key it sealed without asking anything. */
function autoUnlock(ctx: HandlerContext, i: IdentityInfo): Signer | null {
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

function status(ctx: HandlerContext): KeyStatus {
  const i = info(ctx);
  const usesPassphrase = i
    ? i.protection === 'passphrase' || !ctx.keyBox || i.protection !== ctx.keyBox.kind
    : !ctx.keyBox;
  const base = { usesPassphrase, minPassphrase: MIN_NEW_PASSPHRASE };
  if (!i) return { ...base, state: 'missing', key: null, registeredAs: null };
  const cycleId = currentCycleId(ctx);
  const holder = cycleId ? memberForKey(ctx.core.db, cycleId, i.fingerprint) : null;
  const m = holder ? getMember(ctx.core.db, holder) : undefined;
  return {
    ...base,
    state: autoUnlock(ctx, i) ? 'unlocked' : 'locked',
    key: {
      publicKey: i.publicKey,
      fingerprint: i.fingerprint,
      display: i.display,
      createdAt: i.createdAt,
      protection: i.protection,
    },
    registeredAs: m ? { id: m.id, name: m.name } : null,
  };
}

export const identityStatus: Handler<'identity.status'> = (ctx) => status(ctx);

export const identityCreate: Handler<'identity.create'> = (ctx, { passphrase }) => {
  if (!currentIdentity(ctx))
    throw new CodedFailure(
      'IDENTITY_NOT_SET',
      'Hãy khai báo thông tin người dùng (họ tên, chức vụ, cơ quan) trước khi tạo khóa định danh.',
    );
  const box = passphrase !== undefined && passphrase !== '' ? passphraseBox(passphrase) : ctx.keyBox;
  if (!box)
    throw new CodedFailure(
      'IDENTITY_PASSPHRASE_REQUIRED',
      `Hãy đặt mật khẩu bảo vệ khóa định danh (ít nhất ${MIN_NEW_PASSPHRASE} ký tự).`,
    );
  createIdentity(ctx.core.dataDir, box);
  unlocked.set(ctx.core, unlockIdentity(ctx.core.dataDir, box));
  return status(ctx);
};

export const identityUnlock: Handler<'identity.unlock'> = (ctx, { passphrase }) => {
  const i = keyInfoOf(ctx);
  if (i.protection !== 'passphrase') return status(ctx);
  if (passphrase.length < MIN_PASSPHRASE)
    throw new CodedFailure('EXCHANGE_IDENTITY_LOCKED', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_LOCKED);
  unlocked.set(ctx.core, unlockIdentity(ctx.core.dataDir, passphraseBox(passphrase)));
  return status(ctx);
};

export const identityLock: Handler<'identity.lock'> = (ctx) => {
  unlocked.delete(ctx.core);
  return status(ctx);
};

/** "Khóa công khai - Nguyễn Văn An.pub.json" */
export const identityExportPublicKey: Handler<'identity.exportPublicKey'> = (ctx) => {
  const i = keyInfoOf(ctx);
  const who = currentIdentity(ctx)?.name ?? 'may nay';
  const f = produceOutbox(ctx.core.dataDir, `Khóa công khai - ${who}.pub.json`, (p) =>
    writeFileSync(p, `${JSON.stringify(publicKeyFile(i), null, 2)}\n`),
  );
  return { ticket: f.ticket, fileName: f.name, size: f.size };
};
