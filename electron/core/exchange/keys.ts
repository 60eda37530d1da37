/**
 * Identities: each installation makes an Ed25519 key pair on first run and keeps it in
 * `<dataDir>/identity.key.json`, the private key sealed by a SecretBox:
 *
 *   - Electron: safeStorage (electron/main/safe-storage.ts, the OS keychain);
 *   - the CLI and the browser harness: a passphrase, scrypt (N = 2^17, r = 8, p = 1, OWASP's minimum) →
 *     AES-256-GCM (12-byte IV, 16-byte tag).
 *
 * The keystore file (JSON, written atomically, mode 0600):
 *
 *   { "format": "cchc-identity", "version": 1, "algorithm": "Ed25519",
 *     "publicKey": <raw 32 bytes, base64>, "fingerprint": <sha256 of the raw key, hex>,
 *     "createdAt": ISO, "protection": "passphrase" | "electron-safe-storage",
 *     "encryptedPrivateKey": <base64>,                 // PKCS#8 DER, sealed
 *     // passphrase only:
 *     "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1 }, "salt": b64, "iv": b64, "tag": b64,
 *     "cipher": "aes-256-gcm" }
 *
 * Opening checks that the private key still derives the stored public key.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  randomBytes,
  scryptSync,
  sign,
  verify,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { passphraseProblem } from '../../../shared/exchange/passphrase.ts';

/** Seals and opens small secrets (the private key). */
export interface SecretBox {
  /** Stored in the keystore so that the right box is asked to open it. */
  readonly kind: string;
  seal(bytes: Uint8Array): Uint8Array;
  open(bytes: Uint8Array): Uint8Array;
}

export const MIN_PASSPHRASE = 8;

// ---------------------------------------------------------------- passphrase box

export interface ScryptParams {
  /** log2 of the CPU/memory cost N (17 → 131072, 128 MiB with r = 8). */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}
export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };

/**
 * What a key file may ask of the KDF when it is opened: keys sealed with a smaller N (2^15 before; tests use less)
 * still open; nothing above 256 MiB of memory (128·N·r) or 4 passes, so a planted key file
 * cannot make the app exhaust memory or time.
 */
export function kdfWithinCaps(k: ScryptParams): boolean {
  return (
    k.logN >= 10 &&
    k.logN <= 18 &&
    k.r >= 1 &&
    k.r <= 16 &&
    k.p >= 1 &&
    k.p <= 4 &&
    128 * 2 ** k.logN * k.r <= 256 * 1024 * 1024
  );
}

export const MAGIC = Buffer.from('CPB1', 'ascii');
export const SALT = 16;
export const IV = 12;
export const TAG = 16;
export const HEADER = MAGIC.length + 3 + SALT + IV + TAG;

function derive(passphrase: string, salt: Uint8Array, k: ScryptParams): Buffer {
  const N = 2 ** k.logN;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N,
    r: k.r,
    p: k.p,
    maxmem: 256 * N * k.r + 16 * 1024 * 1024,
  });
}

/**
 * scrypt + AES-256-GCM under a passphrase. Sealed bytes are self-describing:
 * "CPB1" | logN | r | p | salt(16) | iv(12) | tag(16) | ciphertext.
 */
export function passphraseBox(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): SecretBox {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new CodedFailure('EXCHANGE_PASSPHRASE_WEAK', EXCHANGE_ACTION_ERRORS.EXCHANGE_PASSPHRASE_WEAK);
  return {
    kind: 'passphrase',
    seal(bytes) {
      // A new seal (a new key or a new passphrase) needs a good passphrase; opening an old one does not.
      const problem = passphraseProblem(passphrase);
      if (problem) throw new CodedFailure('EXCHANGE_PASSPHRASE_WEAK', problem);
      const salt = randomBytes(SALT);
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, params), iv);
      const ct = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([MAGIC, Buffer.from([params.logN, params.r, params.p]), salt, iv, cipher.getAuthTag(), ct]);
    },
    open(bytes) {
      const b = Buffer.from(bytes);
      if (b.length < HEADER || !b.subarray(0, 4).equals(MAGIC)) throw locked();
      const [logN, r, p] = [b[4]!, b[5]!, b[6]!];
      if (!kdfWithinCaps({ logN, r, p })) throw locked();
      let o = 7;
      const salt = b.subarray(o, (o += SALT));
      const iv = b.subarray(o, (o += IV));
      const tag = b.subarray(o, (o += TAG));
      try {
        const d = createDecipheriv('aes-256-gcm', derive(passphrase, salt, { logN, r, p }), iv);
        d.setAuthTag(tag);
        return Buffer.concat([d.update(b.subarray(o)), d.final()]);
      } catch {
        throw locked();
      }
    },
  };
}

export function locked(): CodedFailure {
  return new CodedFailure('EXCHANGE_IDENTITY_LOCKED', EXCHANGE_ACTION_ERRORS.EXCHANGE_IDENTITY_LOCKED);
}

// ---------------------------------------------------------------- keys and signatures

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const keyCache = new Map<string, KeyObject>();

/** Base64 that decodes to exactly `length` bytes and re-encodes to itself (one spelling per value); null otherwise. */
export function decodeBase64Strict(text: string, length: number): Buffer | null {
  if (typeof text !== 'string') return null;
  const b = Buffer.from(text, 'base64');
  return b.length === length && b.toString('base64') === text ? b : null;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The fingerprint of a raw public key (base64): sha256 of its 32 bytes, hex. */
export function fingerprintOf(publicKeyB64: string): string {
  const raw = decodeBase64Strict(publicKeyB64, 32);
  if (!raw) throw new CodedFailure('EXCHANGE_SCHEMA', 'Khóa công khai không hợp lệ (phải là base64 của 32 byte).');
  return sha256Hex(raw);
}

/** A public KeyObject from the raw base64 key (cached: roster keys are used over and over). */
export function publicKeyObject(publicKeyB64: string): KeyObject | null {
  let k = keyCache.get(publicKeyB64);
  if (k) return k;
  const raw = decodeBase64Strict(publicKeyB64, 32);
  if (!raw) return null;
  try {
    k = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
  if (keyCache.size > 1000) keyCache.clear();
  keyCache.set(publicKeyB64, k);
  return k;
}

export function verifyEd25519(publicKeyB64: string, message: Uint8Array, signatureB64: string): boolean {
  const key = publicKeyObject(publicKeyB64);
  const sig = decodeBase64Strict(signatureB64, 64);
  if (!key || !sig) return false;
  try {
    return verify(null, message, key, sig);
  } catch {
    return false;
  }
}

/** What signs packages: the installation's key, unlocked. */
export interface Signer {
  /** Raw public key, base64. */
  readonly publicKey: string;
  /** sha256 of the raw public key, hex. */
  readonly fingerprint: string;
  sign(message: Uint8Array): Buffer;
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function signerFromPrivateKey(privateKey: KeyObject): Signer {
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (message) => sign(null, message, privateKey),
  };
}

/** A fresh key pair in memory (tests, tools); installations use createIdentity. */
export function generateSigner(): Signer {
  return signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}
