import type { Db } from '../connection.ts';

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
  db.prepare('INSERT INTO cycles (id, name, year, province, precision, status, created_at) VALUES (@id, @name, @year, @province, @precision, @status, @createdAt)').run(row);
  return row;
}

export function getCycle(db: Db, id: string): Cycle | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as Cycle | undefined;
}

export function listCycles(db: Db): Cycle[] {
  return db.prepare(`${SELECT} ORDER BY year DESC, name`).all() as Cycle[];
}
