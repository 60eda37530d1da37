import type { Framework, UnitGroup } from '../../../../shared/framework/types.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** Stores a framework under its content hash (idempotent). */
export function putFramework(db: Db, hash: string, f: Framework): void {
  stmt(
    db,
    `INSERT INTO frameworks (hash, name, year, grp, sample, content, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (hash) DO NOTHING`,
  ).run(hash, f.name, f.year, f.group, f.sample ? 1 : 0, JSON.stringify(f), new Date().toISOString());
}

export function getFramework(db: Db, hash: string): Framework | undefined {
  const content = stmt(db, 'SELECT content FROM frameworks WHERE hash = ?').pluck().get(hash) as string | undefined;
  return content === undefined ? undefined : (JSON.parse(content) as Framework);
}

export function setCycleFramework(db: Db, cycleId: string, group: UnitGroup, hash: string): void {
  stmt(
    db,
    `INSERT INTO cycle_frameworks (cycle_id, grp, framework_hash) VALUES (?, ?, ?)
     ON CONFLICT (cycle_id, grp) DO UPDATE SET framework_hash = excluded.framework_hash`,
  ).run(cycleId, group, hash);
}

export interface CycleFramework {
  readonly group: UnitGroup;
  readonly hash: string;
  readonly framework: Framework;
}

/** The unit groups that have a framework in the cycle, in cycleFrameworks' order. */
export function cycleFrameworkGroups(db: Db, cycleId: string): UnitGroup[] {
  return db
    .prepare(
      'SELECT cf.grp FROM cycle_frameworks cf JOIN frameworks f ON f.hash = cf.framework_hash WHERE cf.cycle_id = ?',
    )
    .pluck()
    .all(cycleId) as UnitGroup[];
}

/**
 * Parsed frameworks per connection, by hash, kept with the text they were parsed from: a framework
 * is read on most calls and parsing it costs milliseconds; a stored text that changed is parsed again.
 */
const parsed = new WeakMap<Db, Map<string, { content: string; framework: Framework }>>();

function parseStored(db: Db, hash: string, content: string): Framework {
  let cache = parsed.get(db);
  if (!cache) parsed.set(db, (cache = new Map()));
  const hit = cache.get(hash);
  if (hit && hit.content === content) return hit.framework;
  const framework = JSON.parse(content) as Framework;
  cache.set(hash, { content, framework });
  return framework;
}

export function cycleFrameworks(db: Db, cycleId: string): CycleFramework[] {
  const rows = stmt(
    db,
    'SELECT cf.grp AS grp, cf.framework_hash AS hash, f.content AS content FROM cycle_frameworks cf JOIN frameworks f ON f.hash = cf.framework_hash WHERE cf.cycle_id = ?',
  ).all(cycleId) as { grp: UnitGroup; hash: string; content: string }[];
  return rows.map((r) => ({ group: r.grp, hash: r.hash, framework: parseStored(db, r.hash, r.content) }));
}

/** The hash of the framework a cycle uses for a group, or undefined. */
export function cycleFrameworkHash(db: Db, cycleId: string, group: UnitGroup): string | undefined {
  return stmt(db, 'SELECT framework_hash FROM cycle_frameworks WHERE cycle_id = ? AND grp = ?')
    .pluck()
    .get(cycleId, group) as string | undefined;
}
