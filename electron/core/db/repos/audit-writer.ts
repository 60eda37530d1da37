/**
 * Who writes through a connection, for the audit log: the fingerprint of the key this
 * installation holds (recorded in every audit row) and, when the secretariat's key is
 * unlocked, the signer that signs every new chain head (audit_heads, migration 011).
 *
 *   setAuditWriter(db, { fingerprint, signer? }) · auditWriterOf(db) · clearAuditWriter(db)
 *   signHead(db, signer, seq, hash, at) · listHeads(db) · lastHead(db)
 *   headMessage(seq, hash) — the bytes a head's signature covers
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** The part of an unlocked key that signs (electron/core/exchange/keys.ts Signer). */
export interface HeadSigner {
  readonly publicKey: string;
  readonly fingerprint: string;
  sign(message: Uint8Array): Buffer;
}

export interface AuditWriter {
  readonly fingerprint: string | null;
  readonly signer?: HeadSigner | null;
}

const writers = new WeakMap<Db, AuditWriter>();

export function setAuditWriter(db: Db, w: AuditWriter): void {
  writers.set(db, w);
}

export function clearAuditWriter(db: Db): void {
  writers.delete(db);
}

export function auditWriterOf(db: Db): AuditWriter | undefined {
  return writers.get(db);
}

export interface SignedHead {
  readonly seq: number;
  readonly headHash: string;
  readonly signedAt: string;
  readonly keyFingerprint: string;
  readonly publicKey: string;
  readonly signature: string;
}

/** What a head's signature covers: a fixed label, the row number and its hash. */
export function headMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`cchc-audit-head\n${seq}\n${hash}`, 'utf8');
}

/** Signs the head (seq, hash) just appended; call inside the transaction that appended it. */
export function signHead(db: Db, signer: HeadSigner, seq: number, hash: string, at: string): void {
  stmt(
    db,
    'INSERT INTO audit_heads (seq, head_hash, signed_at, key_fingerprint, public_key, signature) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(seq, hash, at, signer.fingerprint, signer.publicKey, signer.sign(headMessage(seq, hash)).toString('base64'));
}

const HEADS =
  'SELECT seq, head_hash AS headHash, signed_at AS signedAt, key_fingerprint AS keyFingerprint, public_key AS publicKey, signature FROM audit_heads';

export function listHeads(db: Db): SignedHead[] {
  return stmt(db, `${HEADS} ORDER BY seq`).all() as SignedHead[];
}
