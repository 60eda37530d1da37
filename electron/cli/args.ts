/**
 * node:util parseArgs with Vietnamese usage errors. `--help`/`-h` is always accepted.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

function optionIn(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? '';
}

export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } },
      strict: true,
      allowPositionals: false,
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
