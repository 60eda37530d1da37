/**
 * The audit log: every change (actor, time, entity, before, after, reason, package hash,
 * the key of the installation that wrote it) appended to a hash chain. Row hash =
 * sha256(prev_hash ‖ canonical JSON of the row). Rows cannot be updated or deleted, and are
 * taken only at the end of the chain (triggers in migrations 002 and 011). While the
 * connection has a signing writer (the secretariat's unlocked key, see audit-writer.ts),
 * an appended row's hash is signed as the chain's head (audit_heads); a head covers every
 * row before it through the chain, so a transaction that appends many rows (a package's
 * merge) signs only its last (`{ signHead: false }` on the others).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/exchange/jcs.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';
import { auditWriterOf, signHead } from './audit-writer.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
  readonly packageHash?: string | null;
  /** ISO time; defaults to now. */
  readonly at?: string;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason: string | null;
  readonly packageHash: string | null;
  /** The fingerprint of the key that wrote the row (migration 011); null before, or with no key. */
  readonly keyFingerprint: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** A value as canonical JSON text (RFC 8785), or null for none: what an audit row's before and after hold. */
export function canonicalOrNull(v: unknown): string | null {
  return v === undefined || v === null ? null : canonicalJson(v);
}

export function auditRowHash(prevHash: string, r: Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    reason: r.reason,
    packageHash: r.packageHash,
    // Rows written before migration 011 (or with no key) hash as they always did.
    ...(r.keyFingerprint ? { keyFingerprint: r.keyFingerprint } : {}),
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry; call inside the transaction of the change it records. `signHead: false`
 * leaves the head unsigned: only for a row another of the same transaction follows.
 */
export function appendAudit(db: Db, e: AuditEntry, options: { signHead?: boolean } = {}): AuditRow {
  const writer = auditWriterOf(db);
  const last = stmt(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
  const prevHash = last ?? GENESIS_HASH;
  const row = {
    at: e.at ?? new Date().toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: canonicalOrNull(e.before),
    after: canonicalOrNull(e.after),
    reason: e.reason ?? null,
    packageHash: e.packageHash ?? null,
    keyFingerprint: writer?.fingerprint ?? null,
  };
  const hash = auditRowHash(prevHash, row);
  const info = stmt(
    db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, reason, package_hash, key_fingerprint, prev_hash, hash)
     VALUES (@at, @actor, @action, @entity, @entityId, @before, @after, @reason, @packageHash, @keyFingerprint, @prevHash, @hash)`,
  ).run({ ...row, prevHash, hash });
  const seq = Number(info.lastInsertRowid);
  if (writer?.signer && options.signHead !== false) signHead(db, writer.signer, seq, hash, row.at);
  return { seq, ...row, prevHash, hash };
}

const SELECT = `SELECT seq, at, actor, action, entity, entity_id AS entityId, before, after, reason,
  package_hash AS packageHash, key_fingerprint AS keyFingerprint, prev_hash AS prevHash, hash FROM audit_log`;

export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly limit?: number;
}

export function listAudit(db: Db, f: AuditFilter = {}): AuditRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.entity) where.push('entity = @entity'), (params['entity'] = f.entity);
  if (f.entityId) where.push('entity_id = @entityId'), (params['entityId'] = f.entityId);
  if (f.actor) where.push('actor = @actor'), (params['actor'] = f.actor);
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${f.limit ? ` LIMIT ${Math.floor(f.limit)}` : ''}`;
  return stmt(db, sql).all(params) as AuditRow[];
}

/** The chain's last row (its head), or undefined for an empty log. */
export function lastAuditRow(db: Db): AuditRow | undefined {
  return stmt(db, `${SELECT} ORDER BY seq DESC LIMIT 1`).get() as AuditRow | undefined;
}

export type ChainCheck = { ok: true; rows: number; head: string } | { ok: false; seq: number; reason: string };

/** Recomputes every hash from the genesis; reports the first row that does not fit. */
export function verifyAuditChain(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of stmt(db, `${SELECT} ORDER BY seq`).iterate() as Iterable<AuditRow>) {
    if (r.prevHash !== prev) return { ok: false, seq: r.seq, reason: 'prev_hash does not match the previous row' };
    const { seq: _s, prevHash: _p, hash, ...content } = r;
    if (auditRowHash(prev, content) !== hash)
      return { ok: false, seq: r.seq, reason: 'hash does not match the row content' };
    prev = hash;
    rows += 1;
  }
  return { ok: true, rows, head: prev };
}
