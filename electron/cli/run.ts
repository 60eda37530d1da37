/**
 * The CLI dispatcher: argv → command → exit code. Quiet on stdout except the result;
 * errors on stderr as `CODE: message` (Vietnamese); exit 0 on success, 1 on a data
 * error, 2 on a usage error. main.ts binds it to the process.
 */
import { CodedFailure } from '../../shared/errors/codes.ts';
import { type CliIO, type CommandEntry, EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { printable } from './render/printable.ts';

export type CommandRegistry = Readonly<Record<string, CommandEntry>>;

function mainUsage(commands: CommandRegistry = COMMANDS): string {
  const names = Object.keys(commands);
  const width = Math.max(0, ...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`).join('\n');
  return `Cách dùng: cchc <lệnh> [tùy chọn]

Công cụ dòng lệnh của cơ quan thường trực thẩm định Chỉ số CCHC.

Các lệnh:
${list}

Xem hướng dẫn của từng lệnh: cchc <lệnh> --help (hoặc cchc help <lệnh>)
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;
}

function report(io: CliIO, code: string, message: string): void {
  io.err(`${code}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

function lookup(commands: CommandRegistry, name: string): CommandEntry {
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const known = Object.keys(commands).join(', ');
    throw new UsageError(`Không có lệnh "${name}". Các lệnh: ${known}. Xem: cchc --help`, 'CLI_UNKNOWN_COMMAND', {
      command: name,
    });
  }
  return entry;
}

/** Runs one invocation; returns the exit code. Never throws. */
export async function runCli(
  argv: readonly string[],
  raw: CliIO,
  commands: CommandRegistry = COMMANDS,
): Promise<number> {
  // Names from files and packages never reach the terminal with their control characters.
  const io: CliIO = { out: (t) => raw.out(printable(t)), err: (t) => raw.err(printable(t)) };
  if (raw.drain) io.drain = raw.drain;
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError('Thiếu lệnh. Xem: cchc --help');
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.out(topic === undefined ? mainUsage(commands) : (await lookup(commands, topic).load()).default.usage);
      return EXIT_OK;
    }
    const command = (await lookup(commands, name).load()).default;
    return (await command.run(rest, io)) ?? EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) {
      report(io, e.code, e.message);
      return EXIT_USAGE;
    }
    if (e instanceof CodedFailure) {
      report(io, e.code, e.message);
      return EXIT_DATA_ERROR;
    }
    report(io, 'CLI_INTERNAL_ERROR', `Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.CCHC_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_DATA_ERROR;
  }
}
