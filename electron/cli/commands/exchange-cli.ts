/**
 * What the exchange commands (keygen, export-appraisal, verify, import, merge-status,
 * export-cycle, import-cycle, audit-verify, finalise) share: arguments with positional
 * files, the database, the cycle, the data folder, the passphrase that opens the key.
 * Not a command itself (not listed in index.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type Db, openDatabase } from '../../core/db/connection.ts';
import { listCycles } from '../../core/db/repos/cycles.ts';
import { secretariatFingerprint } from '../../core/audit/trust.ts';
import { setAuditWriter } from '../../core/db/repos/audit-writer.ts';
import { type SecretBox, type Signer, hasIdentity, passphraseBox, unlockIdentity } from '../../core/exchange/keys.ts';
import { UsageError } from '../command.ts';
import { pickCycle } from './results-db.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with positionals allowed and Vietnamese usage errors. */
export function parseWithFiles<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const option = /'(-[^' ]+)/.exec(msg)?.[1] ?? '';
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const hint = `Xem: cchc ${command} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`Lệnh "${command}" không có tùy chọn ${option}. ${hint}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        `Tùy chọn ${option} ${msg.includes('argument missing') ? 'cần một giá trị' : 'không nhận giá trị'}. ${hint}`,
      );
    throw new UsageError(`Đối số không hợp lệ. ${hint}`);
  }
}

export function requireOption(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Thiếu --${name}. Xem: cchc ${command} --help`);
  return value;
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

/** The data folder: --data-dir, else the database file's folder. */
export function dataDirOf(dataDir: string | undefined, dbPath: string | undefined): string {
  if (dataDir) return resolve(dataDir);
  if (dbPath) return dirname(resolve(dbPath));
  throw new UsageError('Thiếu --data-dir (thư mục dữ liệu chứa khóa định danh).');
}

export const PASSPHRASE_HELP = `Mật khẩu bảo vệ khóa: biến môi trường CCHC_PASSPHRASE, hoặc --passphrase-file TỆP
                  (dòng đầu của tệp). Không nhận mật khẩu trên dòng lệnh để khỏi lộ trong danh sách tiến trình.`;

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

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
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
