/**
 * The audit screen's reads: rows matching a filter (the WHERE clause is built by
 * electron/core/audit/log.ts from named parameters only, never from the caller's text),
 * and the distinct actors, entities and actions to filter by.
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';
import type { AuditRow } from './audit.ts';

const SELECT = `SELECT seq, at, actor, action, entity, entity_id AS entityId, before, after, reason, package_hash AS packageHash, key_fingerprint AS keyFingerprint, prev_hash AS prevHash, hash FROM audit_log`;

/** `where` is " WHERE …" (or empty) with @named parameters in `params`. */
export function countAuditRows(db: Db, where: string, params: Record<string, unknown>): number {
  return db.prepare(`SELECT count(*) FROM audit_log${where}`).pluck().get(params) as number;
}

/** `tail` is the WHERE clause, then ORDER BY and any LIMIT/OFFSET (integers). */
export function selectAuditRows(db: Db, tail: string, params: Record<string, unknown>): AuditRow[] {
  return db.prepare(`${SELECT}${tail}`).all(params) as AuditRow[];
}

export function distinctAuditValues(db: Db): { actors: string[]; entities: string[]; actions: string[] } {
  return {
    actors: stmt(db, 'SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[],
    entities: stmt(db, 'SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck().all() as string[],
    actions: stmt(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
  };
}
