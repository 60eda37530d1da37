/**
 * The SecretBox of the Electron app: the OS keychain through Electron's safeStorage
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). main.ts passes
 * `safeStorage` in, so this file needs electron's types only (no runtime import), and a
 * fake stands in for it in tests. Where safeStorage would fall back to a hard-coded key
 * (Linux "basic_text"), it refuses: the app then asks for a passphrase (passphraseBox).
 *
 *   // in main.ts, with electron's safeStorage:
 *   const box = safeStorageBox(safeStorage);            // throws EXCHANGE_SAFE_STORAGE_UNAVAILABLE
 *   ensureIdentity(app.getPath('userData'), box);
 */
import type { SafeStorage } from 'electron';
import { CodedFailure } from '../../shared/errors/codes.ts';
import type { SecretBox } from '../core/exchange/keys.ts';

export const SAFE_STORAGE_KIND = 'electron-safe-storage';

export function safeStorageAvailable(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>,
  platform: string = process.platform,
): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function safeStorageBox(
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >,
): SecretBox {
  if (!safeStorageAvailable(safeStorage)) {
    throw new CodedFailure(
      'EXCHANGE_SAFE_STORAGE_UNAVAILABLE',
      'Máy này không có kho khóa an toàn của hệ điều hành; hãy đặt mật khẩu bảo vệ khóa định danh.',
    );
  }
  return {
    kind: SAFE_STORAGE_KIND,
    // safeStorage seals strings: the key bytes travel as base64.
    seal: (bytes) => safeStorage.encryptString(Buffer.from(bytes).toString('base64')),
    open: (bytes) => Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64'),
  };
}
