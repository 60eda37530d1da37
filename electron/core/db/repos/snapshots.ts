/**
 * Results snapshots (cycle_snapshots): the canonical JSON of a finalised cycle's results
 * with its sha256, and the cycle's lock (status 'finalised' / 'open').
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface SnapshotRow {
  readonly id: number;
  readonly cycleId: string;
  readonly createdAt: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly hash: string;
}

/** Stores a snapshot; returns its id. */
export function insertSnapshot(
  db: Db,
  s: { cycleId: string; createdAt: string; actor: string; reason: string | null; content: string; hash: string },
): number {
  return Number(
    stmt(
      db,
      'INSERT INTO cycle_snapshots (cycle_id, created_at, actor, reason, content, hash) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(s.cycleId, s.createdAt, s.actor, s.reason, s.content, s.hash).lastInsertRowid,
  );
}

export function setCycleStatus(db: Db, cycleId: string, status: 'open' | 'finalised'): void {
  if (status === 'finalised') stmt(db, "UPDATE cycles SET status = 'finalised' WHERE id = ?").run(cycleId);
  else stmt(db, "UPDATE cycles SET status = 'open' WHERE id = ?").run(cycleId);
}

export function lastSnapshot(db: Db, cycleId: string): { id: number; hash: string } | undefined {
  return stmt(db, 'SELECT id, hash FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id DESC LIMIT 1').get(cycleId) as
    | { id: number; hash: string }
    | undefined;
}

export function listSnapshots(db: Db, cycleId: string): SnapshotRow[] {
  return stmt(
    db,
    'SELECT id, cycle_id AS cycleId, created_at AS createdAt, actor, reason, hash FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id',
  ).all(cycleId) as SnapshotRow[];
}

export function getSnapshot(db: Db, id: number): (SnapshotRow & { content: string }) | undefined {
  return stmt(
    db,
    'SELECT id, cycle_id AS cycleId, created_at AS createdAt, actor, reason, hash, content FROM cycle_snapshots WHERE id = ?',
  ).get(id) as (SnapshotRow & { content: string }) | undefined;
}

/** Every stored snapshot with its content (the store check). */
export function storedSnapshots(db: Db): Iterable<{ id: number; content: string; hash: string }> {
  return db.prepare('SELECT id, content, hash FROM cycle_snapshots ORDER BY id').iterate() as Iterable<{
    id: number;
    content: string;
    hash: string;
  }>;
}
