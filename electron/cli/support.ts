/**
 * What every command shares: its arguments (node:util parseArgs with Vietnamese usage errors;
 * `--help`/`-h` always accepted), required options, the output path, the data folder, and
 * printing JSON (one way: 2-space indented, one trailing newline). Opening the database, the
 * cycle and the key is in store.ts: it loads better-sqlite3, which `--help` must not.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

function optionIn(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? '';
}

/** Parses a command's arguments; `files: true` accepts positional arguments (input files). */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
  { files = false }: { files?: boolean } = {},
) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } },
      strict: true,
      allowPositionals: files,
    });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const msg = e instanceof Error ? e.message : String(e);
    const hint = `Xem: cchc ${command} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`Lệnh "${command}" không có tùy chọn ${optionIn(msg)}. ${hint}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const what = msg.includes('argument missing') ? 'cần một giá trị' : 'không nhận giá trị';
      throw new UsageError(`Tùy chọn ${optionIn(msg)} ${what}. ${hint}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const arg = /'([^']*)'/.exec(msg)?.[1] ?? '';
      throw new UsageError(`Lệnh "${command}" không nhận đối số "${arg}". ${hint}`);
    }
    throw new UsageError(`Đối số không hợp lệ. ${hint}`);
  }
}

/** Checks that an output file can be written (its folder exists). */
export function outPath(out: string | undefined, ext: string, command: string): string {
  if (!out) throw new UsageError(`Thiếu --out TỆP${ext}. Xem: cchc ${command} --help`);
  const p = resolve(out);
  if (!existsSync(dirname(p))) throw new CodedFailure('OUT_FOLDER_MISSING', `Thư mục “${dirname(p)}” không tồn tại.`);
  return p;
}

export function requireOption(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Thiếu --${name}. Xem: cchc ${command} --help`);
  return value;
}

/** The data folder: --data-dir, else the database file's folder. */
export function dataDirOf(dataDir: string | undefined, dbPath: string | undefined): string {
  if (dataDir) return resolve(dataDir);
  if (dbPath) return dirname(resolve(dbPath));
  throw new UsageError('Thiếu --data-dir (thư mục dữ liệu chứa khóa định danh).');
}

export const PASSPHRASE_HELP = `Mật khẩu bảo vệ khóa: biến môi trường CCHC_PASSPHRASE, hoặc --passphrase-file TỆP
                  (dòng đầu của tệp). Không nhận mật khẩu trên dòng lệnh để khỏi lộ trong danh sách tiến trình.`;

/** The one way commands print JSON. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The --cycle line of the set-up commands' --help. */
export const SETUP_CYCLE_HELP =
  '  --cycle MÃ  kỳ đánh giá; mặc định: kỳ duy nhất, hoặc kỳ hiện hành khi có nhiều kỳ (ghi ra stderr kỳ đã dùng).';
