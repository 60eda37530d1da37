/**
 * `identity.*`: this installation's Ed25519 key, which signs the packages it sends. The
 * private key never leaves the core process: the renderer sees the public key, its
 * fingerprint ("3F9A 01C2 …", 8 groups of 4, read aloud) and whether it is unlocked.
 * Electron seals it with the OS keychain (safeStorage); the browser harness, tests and
 * machines without a keychain protect it with a passphrase.
 */
import { z } from 'zod';
import { NoInput } from './common.ts';
import { defineMethod } from './define.ts';
import { OutboxFile } from './files.ts';

const IdentityKey = z.strictObject({
  /** Raw Ed25519 public key, base64. */
  publicKey: z.string(),
  /** sha256 of the raw key, 64 hex digits. */
  fingerprint: z.string(),
  /** "3F9A 01C2 7B44 E0D1 9A2F 55C8 0B7E D3A6" */
  display: z.string(),
  createdAt: z.string(),
  /** 'passphrase' | 'electron-safe-storage' */
  protection: z.string(),
});
export const KeyStatus = z.strictObject({
  /** missing: no key yet; locked: a passphrase must open it; unlocked: ready to sign. */
  state: z.enum(['missing', 'locked', 'unlocked']),
  /** A passphrase protects (or would protect) the key; false: the OS keychain does. */
  usesPassphrase: z.boolean(),
  minPassphrase: z.number().int(),
  key: IdentityKey.nullable(),
  /** The open cycle's roster member holding this key, when the secretariat has registered it. */
  registeredAs: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

const Passphrase = z.string().max(200);

export const identity = {
  status: defineMethod({ input: NoInput, output: KeyStatus }),
  /** Makes the key (once). Passphrase required unless the OS keychain protects it. */
  create: defineMethod({
    input: z.strictObject({ passphrase: Passphrase.optional() }),
    output: KeyStatus,
    mutates: true,
  }),
  unlock: defineMethod({ input: z.strictObject({ passphrase: Passphrase }), output: KeyStatus }),
  lock: defineMethod({ input: NoInput, output: KeyStatus }),
  /** The public-key file (identity.pub.json format) to hand to the secretariat, in the outbox. */
  exportPublicKey: defineMethod({ input: NoInput, output: OutboxFile }),
};
