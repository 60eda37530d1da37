import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface Cycle {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly province: string;
  readonly precision: number;
  readonly status: 'open' | 'finalised';
  readonly createdAt: string;
}

const SELECT = 'SELECT id, name, year, province, precision, status, created_at AS createdAt FROM cycles';

export function insertCycle(db: Db, c: Omit<Cycle, 'status' | 'createdAt'> & { createdAt?: string }): Cycle {
  const row: Cycle = { ...c, status: 'open', createdAt: c.createdAt ?? new Date().toISOString() };
  stmt(
    db,
    'INSERT INTO cycles (id, name, year, province, precision, status, created_at) VALUES (@id, @name, @year, @province, @precision, @status, @createdAt)',
  ).run(row);
  return row;
}

export function getCycle(db: Db, id: string): Cycle | undefined {
  return stmt(db, `${SELECT} WHERE id = ?`).get(id) as Cycle | undefined;
}

export function listCycles(db: Db): Cycle[] {
  return stmt(db, `${SELECT} ORDER BY year DESC, name`).all() as Cycle[];
}
