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
import { passphraseBox } from '../exchange/keys.ts';
import { createIdentity, publicKeyFile, unlockIdentity } from '../exchange/keystore.ts';
import { memberForKey } from '../council/roster-keys.ts';
import { MIN_PASSPHRASE } from '../exchange/keys.ts';
import { MIN_NEW_PASSPHRASE } from '../../../shared/exchange/passphrase.ts';
import { produceOutbox } from '../files/store.ts';
import type { Handler } from '../router.ts';
import { currentCycleId, currentIdentity } from './scope.ts';

import { autoUnlock, info, keyInfoOf, unlocked } from './signer.ts';

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
