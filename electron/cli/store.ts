/**
 * Opening what a command works on: the database (read-only for commands that only read), its
 * cycle (the only one, or --cycle), the installation's key from its passphrase, and the key that
 * signs the audit heads of what the command writes. Kept apart from support.ts because it loads
 * better-sqlite3 and the key store, which `cchc … --help` must not load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { secretariatFingerprint } from '../core/audit/trust.ts';
import { type Db, openDatabase } from '../core/db/connection.ts';
import { setAuditWriter } from '../core/db/repos/audit-writer.ts';
import { listCycles } from '../core/db/repos/cycles.ts';
import { currentCycleRow } from '../core/db/repos/setup.ts';
import { type SecretBox, type Signer, passphraseBox } from '../core/exchange/keys.ts';
import { hasIdentity, unlockIdentity } from '../core/exchange/keystore.ts';
import { type CliIO, UsageError } from './command.ts';
import { pickCycle } from './commands/results-db.ts';

/** Opens an existing database and picks its cycle (the only one, or --cycle). */
export function openCycle(
  dbPath: string | undefined,
  cycleId: string | undefined,
  command: string,
  mode: 'read' | 'write' = 'read',
): { db: Db; cycleId: string; path: string } {
  if (!dbPath) throw new UsageError(`Thiếu --db TỆP. Xem: cchc ${command} --help`);
  const path = resolve(dbPath);
  const db = openDatabase(path, { mode });
  try {
    return { db, cycleId: pickCycle(listCycles(db), cycleId, dbPath), path };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Opens an existing database of this app to write (DB_NOT_FOUND when missing, DB_NOT_APP when another file). */
export function openExisting(path: string): Db {
  return openDatabase(path, { mode: 'write' });
}

/** Opens an existing database of this app read-only (commands that only read). */
export function openReadOnly(path: string): Db {
  return openDatabase(path, { mode: 'read' });
}

export function cycleOf(db: Db, cycleId: string | undefined, dbPath: string): string {
  return pickCycle(listCycles(db), cycleId, dbPath);
}

/** The passphrase box: CCHC_PASSPHRASE or the first line of --passphrase-file. */
export function passphraseFrom(file: string | undefined, command: string): SecretBox {
  let pass: string | undefined;
  if (file !== undefined) {
    if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp mật khẩu “${file}”.`);
    pass = readFileSync(file, 'utf8').split(/\r?\n/)[0];
  } else pass = process.env['CCHC_PASSPHRASE'];
  if (pass === undefined || pass === '')
    throw new UsageError(
      `Cần mật khẩu bảo vệ khóa: đặt CCHC_PASSPHRASE hoặc dùng --passphrase-file. Xem: cchc ${command} --help`,
    );
  return passphraseBox(pass);
}

/**
 * The secretariat's key signs the audit heads of what this command writes: when the data folder
 * holds a key, its passphrase is required (a usage error otherwise), the key must be the
 * secretariat's for this store (SECRETARIAT_KEY_MISMATCH), and every audit row the command
 * appends records the key and is signed. A data folder with no key writes unsigned rows
 * (audit-verify then reports them once heads exist).
 */
export function signAuditWith(
  db: Db,
  dataDir: string,
  passphraseFile: string | undefined,
  command: string,
  signer?: Signer,
): Signer | null {
  if (!signer && !hasIdentity(dataDir)) return null;
  const s = signer ?? unlockIdentity(dataDir, passphraseFrom(passphraseFile, command));
  const expected = secretariatFingerprint(db, dataDir);
  if (expected && expected !== s.fingerprint) {
    throw new CodedFailure(
      'SECRETARIAT_KEY_MISMATCH',
      `Khóa định danh trong “${dataDir}” không phải khóa của cơ quan thường trực đã ký dữ liệu của cơ sở dữ liệu này.`,
    );
  }
  setAuditWriter(db, { fingerprint: s.fingerprint, signer: s });
  return s;
}

/**
 * The cycle of the set-up commands (`import-units`, `import-roster`, `dossier-template`,
 * `import-dossier`): --cycle when given; else the only cycle; else, where the database holds
 * several, the current one (cycles.is_current, the one the secretariat set up last or made
 * current) — and the command says on stderr which one it used. No current one: CYCLE_AMBIGUOUS.
 */
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
