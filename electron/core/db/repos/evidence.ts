/** Evidence documents (tài liệu kiểm chứng), identified within a cycle by the sha256 of their content. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface Evidence {
  readonly id: number;
  readonly cycleId: string;
  readonly sha256: string;
  readonly title: string;
  readonly fileName: string;
  readonly size: number | null;
  readonly mime: string | null;
}

/** Inserts or finds the document with this hash in the cycle; returns its id. */
export function putEvidence(db: Db, e: Omit<Evidence, 'id'>): number {
  stmt(
    db,
    `INSERT INTO evidence (cycle_id, sha256, title, file_name, size, mime) VALUES (@cycleId, @sha256, @title, @fileName, @size, @mime)
     ON CONFLICT (cycle_id, sha256) DO NOTHING`,
  ).run(e);
  return stmt(db, 'SELECT id FROM evidence WHERE cycle_id = ? AND sha256 = ?')
    .pluck()
    .get(e.cycleId, e.sha256) as number;
}

export function getEvidence(db: Db, id: number): Evidence | undefined {
  return db
    .prepare(
      'SELECT id, cycle_id AS cycleId, sha256, title, file_name AS fileName, size, mime FROM evidence WHERE id = ?',
    )
    .get(id) as Evidence | undefined;
}

export function listEvidence(db: Db, cycleId: string): Evidence[] {
  return db
    .prepare(
      'SELECT id, cycle_id AS cycleId, sha256, title, file_name AS fileName, size, mime FROM evidence WHERE cycle_id = ? ORDER BY title',
    )
    .all(cycleId) as Evidence[];
}

/** Is some document of any cycle stored under this hash? */
export function isRegisteredHash(db: Db, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1').pluck().get(sha256) !== undefined;
}
