import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, passphraseBox, verifyEd25519 } from '../../electron/core/exchange/keys.ts';
import {
  createIdentity,
  ensureIdentity,
  identityPath,
  parsePublicKey,
  publicKeyFile,
  readIdentityInfo,
  unlockIdentity,
} from '../../electron/core/exchange/keystore.ts';
import { fingerprintMatches, formatFingerprint } from '../../shared/exchange/fingerprint.ts';
import { tempDirs } from '../db/support.ts';

const FAST = { logN: 10, r: 8, p: 1 };

describe('identities', () => {
  const newDir = tempDirs('cchc-keys-');

  it('makes a key pair once, seals the private key with scrypt + AES-256-GCM and opens it with the passphrase only', () => {
    const dir = newDir();
    const info = createIdentity(dir, passphraseBox('mật khẩu dài đủ', FAST), '2024-01-01T00:00:00.000Z');
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.fingerprint).toBe(fingerprintOf(info.publicKey));
    expect(info.display).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const file = JSON.parse(readFileSync(identityPath(dir), 'utf8'));
    expect(file).toMatchObject({
      format: 'cchc-identity',
      algorithm: 'Ed25519',
      publicKey: info.publicKey,
      protection: 'passphrase',
      kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 },
      cipher: 'aes-256-gcm',
    });
    for (const k of ['salt', 'iv', 'tag', 'encryptedPrivateKey']) expect(typeof file[k]).toBe('string');
    expect(JSON.stringify(file)).not.toMatch(/PRIVATE KEY/);
    expect(statSync(identityPath(dir)).mode & 0o077).toBe(0);

    const signer = unlockIdentity(dir, passphraseBox('mật khẩu dài đủ'));
    expect(signer.fingerprint).toBe(info.fingerprint);
    const msg = Buffer.from('{"a":1}');
    expect(verifyEd25519(info.publicKey, msg, signer.sign(msg).toString('base64'))).toBe(true);
    expect(verifyEd25519(info.publicKey, Buffer.from('{"a":2}'), signer.sign(msg).toString('base64'))).toBe(false);

    expect(() => unlockIdentity(dir, passphraseBox('mật khẩu khác hẳn'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
    );
    expect(() => createIdentity(dir, passphraseBox('mật khẩu dài đủ', FAST))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_EXISTS' }),
    );
    expect(ensureIdentity(dir, passphraseBox('mật khẩu dài đủ', FAST)).fingerprint).toBe(info.fingerprint);
    expect(() => passphraseBox('ngắn')).toThrow(expect.objectContaining({ code: 'EXCHANGE_PASSPHRASE_WEAK' }));

    // a tampered keystore (another public key, or a changed ciphertext) does not open
    const other = createIdentity(newDir(), passphraseBox('mật khẩu dài đủ', FAST));
    writeFileSync(
      identityPath(dir),
      JSON.stringify({ ...file, publicKey: other.publicKey, fingerprint: other.fingerprint }),
    );
    expect(() => unlockIdentity(dir, passphraseBox('mật khẩu dài đủ'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
    );
    const ct = Buffer.from(file.encryptedPrivateKey, 'base64');
    ct[0] = ct[0]! ^ 1;
    writeFileSync(identityPath(dir), JSON.stringify({ ...file, encryptedPrivateKey: ct.toString('base64') }));
    expect(() => unlockIdentity(dir, passphraseBox('mật khẩu dài đủ'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
    );
    expect(readIdentityInfo(newDir())).toBeNull();
    expect(() => unlockIdentity(newDir(), passphraseBox('mật khẩu dài đủ'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_MISSING' }),
    );
  });

  it('opens a key sealed by another box kind only with that box', () => {
    const dir = newDir();
    const xor = {
      kind: 'test-box',
      seal: (b: Uint8Array) => Buffer.from(b).map((x) => x ^ 0x5a),
      open: (b: Uint8Array) => Buffer.from(b).map((x) => x ^ 0x5a),
    };
    const info = createIdentity(dir, xor);
    expect(JSON.parse(readFileSync(identityPath(dir), 'utf8')).protection).toBe('test-box');
    expect(unlockIdentity(dir, xor).publicKey).toBe(info.publicKey);
    expect(() => unlockIdentity(dir, passphraseBox('mật khẩu dài đủ', FAST))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
    );
  });

  it('reads public keys given as the identity.pub.json file or bare base64, and compares fingerprints as typed', () => {
    const info = createIdentity(newDir(), passphraseBox('mật khẩu dài đủ', FAST));
    expect(parsePublicKey(JSON.stringify(publicKeyFile(info)))).toEqual({
      publicKey: info.publicKey,
      fingerprint: info.fingerprint,
    });
    expect(parsePublicKey(` ${info.publicKey}\n`).fingerprint).toBe(info.fingerprint);
    expect(() => parsePublicKey('AAAA')).toThrow(expect.objectContaining({ code: 'EXCHANGE_SCHEMA' }));
    const shown = formatFingerprint(info.fingerprint);
    expect(fingerprintMatches(info.fingerprint, shown.toLowerCase())).toBe(true);
    expect(fingerprintMatches(info.fingerprint, shown.replace(/ /g, '-'))).toBe(true);
    expect(fingerprintMatches(info.fingerprint, shown.slice(0, 20))).toBe(false); // too short to trust
    expect(fingerprintMatches(info.fingerprint, 'FFFF '.repeat(8))).toBe(false);
  });
});

describe('the Electron safeStorage box (with a fake safeStorage)', () => {
  const newDir = tempDirs('cchc-safe-');
  const fake = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'kwallet',
    encryptString: (s: string) => Buffer.from(`enc:${s}`),
    decryptString: (b: Buffer) => {
      const t = b.toString();
      if (!t.startsWith('enc:')) throw new Error('cannot decrypt');
      return t.slice(4);
    },
  });

  it('seals the private key with the OS keychain and refuses the plain-text fallback', async () => {
    const { safeStorageBox, SAFE_STORAGE_KIND } = await import('../../electron/main/safe-storage.ts');
    const dir = newDir();
    const box = safeStorageBox(fake('gnome_libsecret'));
    const info = createIdentity(dir, box);
    expect(JSON.parse(readFileSync(identityPath(dir), 'utf8')).protection).toBe(SAFE_STORAGE_KIND);
    expect(unlockIdentity(dir, box).fingerprint).toBe(info.fingerprint);
    expect(() => safeStorageBox(fake('basic_text'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_SAFE_STORAGE_UNAVAILABLE' }),
    );
    expect(() => safeStorageBox(fake('kwallet', false))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_SAFE_STORAGE_UNAVAILABLE' }),
    );
  });
});
