/** The dispatcher in-process, with a stand-in registry: exit codes, stdout/stderr discipline, help. */
import { describe, expect, it } from 'vitest';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { type CliCommand, UsageError } from '../../electron/cli/command.ts';
import { COMMANDS } from '../../electron/cli/commands/index.ts';
import { type CommandRegistry, runCli } from '../../electron/cli/run.ts';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

const echo: CliCommand = {
  usage: 'Cách dùng: cchc echo [chữ…]\n',
  async run(args, io) {
    if (args[0] === 'usage') throw new UsageError('sai cách dùng');
    if (args[0] === 'data') throw new CodedFailure('DEMO_EXISTS', 'dữ liệu sai\nhai dòng');
    if (args[0] === 'boom') throw new Error('boom');
    io.out(`${args.join(' ')}\n`);
  },
};
const registry: CommandRegistry = { echo: { summary: 'In lại các đối số', load: async () => ({ default: echo }) } };

describe('runCli', () => {
  it('runs a registered command: result on stdout, exit 0', async () => {
    const c = capture();
    expect(await runCli(['echo', 'xin', 'chào'], c.io, registry)).toBe(0);
    expect(c.out).toBe('xin chào\n');
    expect(c.err).toBe('');
  });

  it('maps UsageError → 2, CodedFailure → 1, anything else → 1 with CLI_INTERNAL_ERROR; one line on stderr', async () => {
    const cases = [
      ['usage', 2, 'CLI_USAGE: sai cách dùng\n'],
      ['data', 1, 'DEMO_EXISTS: dữ liệu sai hai dòng\n'],
      ['boom', 1, 'CLI_INTERNAL_ERROR: Lỗi không mong đợi: boom\n'],
    ] as const;
    for (const [arg, code, err] of cases) {
      const c = capture();
      expect(await runCli(['echo', arg], c.io, registry)).toBe(code);
      expect(c.out).toBe('');
      expect(c.err).toBe(err);
    }
  });

  it('prints the main usage with every registered command, and a command’s usage through help <command>', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io, registry)).toBe(0);
    expect(c.out).toContain('echo  In lại các đối số');
    const h = capture();
    expect(await runCli(['help', 'echo'], h.io, registry)).toBe(0);
    expect(h.out).toBe(echo.usage);
    const u = capture();
    expect(await runCli(['nope'], u.io, registry)).toBe(2);
    expect(u.err).toMatch(/^CLI_UNKNOWN_COMMAND: .*"nope"/);
    const p = capture();
    expect(await runCli(['toString'], p.io, registry)).toBe(2); // not a prototype property
  });

  it('the real registry loads every command it lists', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const cmd = (await entry.load()).default;
      expect(typeof cmd.run, name).toBe('function');
      expect(cmd.usage, name).toContain('Cách dùng');
    }
  });
});
