/**
 * The contract between the CLI dispatcher (main.ts) and its commands. A command parses
 * its own arguments (see args.ts), writes its result to `io.out` and nothing else on
 * stdout, and reports problems by throwing a CodedFailure: a UsageError exits 2, any
 * other CodedFailure exits 1 (a data error). Messages are Vietnamese.
 */
import { CodedFailure } from '../../shared/errors/codes.ts';
import type { ErrorCode } from '../../shared/errors/codes.ts';

export interface CliIO {
  /** The result, on stdout. */
  out(text: string): void;
  /** Diagnostics, on stderr. */
  err(text: string): void;
  /**
   * Resolves once what `out` took has left the process (stdout to a pipe is written
   * asynchronously): a command writing a long result waits on it between pieces.
   */
  drain?(): Promise<void>;
}

export interface CliCommand {
  /** Usage text in Vietnamese, printed by `<command> --help`. */
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code (0 when omitted). */
  run(args: readonly string[], io: CliIO): Promise<number | undefined>;
}

/** How a command is listed in the registry: a one-line description and a lazy loader. */
export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ readonly default: CliCommand }>;
}

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE = 2;

/** A wrong invocation: unknown command or option, missing or invalid argument. Exit 2. */
export class UsageError extends CodedFailure {
  constructor(
    message: string,
    code: ErrorCode = 'CLI_USAGE',
    details?: Record<string, string | number | boolean | null>,
  ) {
    super(code, message, details);
    this.name = 'UsageError';
  }
}
