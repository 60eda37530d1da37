/**
 * The cycle of the set-up commands (`import-units`, `import-roster`, `dossier-template`,
 * `import-dossier`): --cycle when given; else the only cycle; else, where the database holds
 * several, the current one (cycles.is_current, the one the secretariat set up last or made
 * current) — and the command says on stderr which one it used. No current one: CYCLE_AMBIGUOUS.
 */
import { type Db, openDatabase } from '../../core/db/connection.ts';
import { listCycles } from '../../core/db/repos/cycles.ts';
import { currentCycleRow } from '../../core/db/repos/setup.ts';
import { type CliIO, UsageError } from '../command.ts';
import { pickCycle } from './results-db.ts';
import { resolve } from 'node:path';

export function setupCycleOf(db: Db, cycleId: string | undefined, dbPath: string, io: CliIO): string {
  const cycles = listCycles(db);
  if (cycleId === undefined && cycles.length > 1) {
    const current = currentCycleRow(db);
    const c = cycles.find((x) => x.id === current);
    if (c) {
      io.err(`Dùng kỳ đánh giá hiện hành “${c.id}” (${c.name}); chọn kỳ khác bằng --cycle.\n`);
      return c.id;
    }
  }
  return pickCycle(cycles, cycleId, dbPath);
}

/** Opens an existing database and picks the set-up cycle (see setupCycleOf). */
export function openSetupCycle(
  dbPath: string | undefined,
  cycleId: string | undefined,
  command: string,
  io: CliIO,
  mode: 'read' | 'write' = 'read',
): { db: Db; cycleId: string } {
  if (!dbPath) throw new UsageError(`Thiếu --db TỆP. Xem: cchc ${command} --help`);
  const db = openDatabase(resolve(dbPath), { mode });
  try {
    return { db, cycleId: setupCycleOf(db, cycleId, dbPath, io) };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The --cycle line of the set-up commands' --help. */
export const SETUP_CYCLE_HELP =
  '  --cycle MÃ  kỳ đánh giá; mặc định: kỳ duy nhất, hoặc kỳ hiện hành khi có nhiều kỳ (ghi ra stderr kỳ đã dùng).';
