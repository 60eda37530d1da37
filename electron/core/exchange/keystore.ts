/**
 * The installation's keystore: `<dataDir>/identity.key.json` (format in keys.ts's header),
 * written atomically with mode 0600, its private key sealed by a SecretBox; read, created,
 * unlocked (the private key must still derive the stored public key) and exported as a
 * public-key file for the secretariat.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { readRegularFile } from '../files/regular.ts';
import {
  HEADER,
  IV,
  MAGIC,
  SALT,
  type SecretBox,
  type Signer,
  TAG,
  decodeBase64Strict,
  fingerprintOf,
  kdfWithinCaps,
  locked,
  publicKeyObject,
  rawPublicKey,
  signerFromPrivateKey,
} from './keys.ts';

const IDENTITY_FILE = 'identity.key.json';

const Keystore = z.object({
  format: z.literal('cchc-identity'),
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: z.string(),
  protection: z.string(),
  encryptedPrivateKey: z.string(),
  kdf: z
    .object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() })
    .optional(),
  salt: z.string().optional(),
  iv: z.string().optional(),
  tag: z.string().optional(),
  cipher: z.literal('aes-256-gcm').optional(),
});
type Keystore = z.infer<typeof Keystore>;

/** The public side of an identity: what is shown, compared aloud and given to the secretariat. */
export interface IdentityInfo {
  readonly publicKey: string;
  readonly fingerprint: string;
  /** "3F9A 01C2 …" (8 groups of 4). */
  readonly display: string;
  readonly createdAt: string;
  readonly protection: string;
}

export function identityPath(dataDir: string): string {
  return join(dataDir, IDENTITY_FILE);
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
  try {
    chmodSync(path, 0o600);
  } catch {
    /* not every file system keeps modes */
  }
}

function toKeystore(publicKey: string, sealed: Uint8Array, box: SecretBox, createdAt: string): Keystore {
  const base = {
    format: 'cchc-identity' as const,
    version: 1 as const,
    algorithm: 'Ed25519' as const,
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    createdAt,
    protection: box.kind,
  };
  const b = Buffer.from(sealed);
  if (box.kind === 'passphrase' && b.length >= HEADER && b.subarray(0, 4).equals(MAGIC)) {
    let o = 7;
    const salt = b.subarray(o, (o += SALT));
    const iv = b.subarray(o, (o += IV));
    const tag = b.subarray(o, (o += TAG));
    return {
      ...base,
      encryptedPrivateKey: b.subarray(o).toString('base64'),
      kdf: { name: 'scrypt', N: 2 ** b[4]!, r: b[5]!, p: b[6]! },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: tag.toString('base64'),
      cipher: 'aes-256-gcm',
    };
  }
  return { ...base, encryptedPrivateKey: b.toString('base64') };
}

function sealedOf(k: Keystore): Buffer {
  if (k.protection === 'passphrase') {
    if (!k.kdf || !k.salt || !k.iv || !k.tag) throw locked();
    const logN = Math.log2(k.kdf.N);
    if (!Number.isInteger(logN) || !kdfWithinCaps({ logN, r: k.kdf.r, p: k.kdf.p })) throw locked();
    return Buffer.concat([
      MAGIC,
      Buffer.from([logN, k.kdf.r, k.kdf.p]),
      Buffer.from(k.salt, 'base64'),
      Buffer.from(k.iv, 'base64'),
      Buffer.from(k.tag, 'base64'),
      Buffer.from(k.encryptedPrivateKey, 'base64'),
    ]);
  }
  return Buffer.from(k.encryptedPrivateKey, 'base64');
}

function readKeystore(dataDir: string): Keystore | null {
  const path = identityPath(dataDir);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readRegularFile(path, 64 * 1024).toString('utf8')); // a key file is under 1 kB
  } catch {
    throw locked();
  }
  const r = Keystore.safeParse(parsed);
  if (!r.success) throw locked();
  return r.data;
}

function info(k: Keystore): IdentityInfo {
  return {
    publicKey: k.publicKey,
    fingerprint: k.fingerprint,
    display: formatFingerprint(k.fingerprint),
    createdAt: k.createdAt,
    protection: k.protection,
  };
}

export function hasIdentity(dataDir: string): boolean {
  return existsSync(identityPath(dataDir));
}

/** The public side of this installation's identity, or null before the first run made one. */
export function readIdentityInfo(dataDir: string): IdentityInfo | null {
  const k = readKeystore(dataDir);
  return k ? info(k) : null;
}

/** Makes the installation's key pair; refuses to replace an existing one. */
export function createIdentity(dataDir: string, box: SecretBox, now: string = new Date().toISOString()): IdentityInfo {
  if (hasIdentity(dataDir))
    throw new CodedFailure('EXCHANGE_IDENTITY_EXISTS', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_EXISTS);
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const k = toKeystore(publicKey, box.seal(pkcs8), box, now);
  writeAtomic(identityPath(dataDir), `${JSON.stringify(k, null, 2)}\n`);
  return info(k);
}

/** First run: the existing identity, or a new one. */
export function ensureIdentity(dataDir: string, box: SecretBox): IdentityInfo {
  return readIdentityInfo(dataDir) ?? createIdentity(dataDir, box);
}

/** Opens the private key; EXCHANGE_IDENTITY_LOCKED on a wrong passphrase or a damaged file. */
export function unlockIdentity(dataDir: string, box: SecretBox): Signer {
  const k = readKeystore(dataDir);
  if (!k) throw new CodedFailure('EXCHANGE_IDENTITY_MISSING', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_MISSING);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(box.open(sealedOf(k))), format: 'der', type: 'pkcs8' });
  } catch (e) {
    if (e instanceof CodedFailure) throw e;
    throw locked();
  }
  const signer = signerFromPrivateKey(key);
  if (signer.publicKey !== k.publicKey || signer.fingerprint !== k.fingerprint) throw locked();
  return signer;
}

/** The public-key file a member hands to the secretariat (`identity.pub.json`). */
export interface PublicKeyFile {
  readonly format: 'cchc-public-key';
  readonly version: 1;
  readonly algorithm: 'Ed25519';
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly display: string;
}

export function publicKeyFile(i: IdentityInfo): PublicKeyFile {
  return {
    format: 'cchc-public-key',
    version: 1,
    algorithm: 'Ed25519',
    publicKey: i.publicKey,
    fingerprint: i.fingerprint,
    display: i.display,
  };
}

/** Reads a public key given as a file written by publicKeyFile, or as the bare base64 key. */
export function parsePublicKey(text: string): { publicKey: string; fingerprint: string } {
  const t = text.trim();
  let key = t;
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t) as { publicKey?: unknown };
      key = typeof o.publicKey === 'string' ? o.publicKey : '';
    } catch {
      key = '';
    }
  }
  if (!decodeBase64Strict(key, 32) || !publicKeyObject(key)) {
    throw new CodedFailure(
      'EXCHANGE_SCHEMA',
      'Khóa công khai không hợp lệ (phải là base64 của 32 byte hoặc tệp identity.pub.json).',
    );
  }
  return { publicKey: key, fingerprint: fingerprintOf(key) };
}
