/**
 * Coded errors as data. Every refusal the user can see has a stable code (for
 * tests, logs and the CLI's stderr) and a Vietnamese message.
 */
import type { ErrorCode } from './catalogue.ts';

export type { ErrorCode };

/** A refusal as data. Its code is text: it may cross the wire from a core newer than the screen. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CodedError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, string | number | boolean | null>,
): Result<T> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}

/** Thrown inside the core where a Result cannot be returned; carries a CodedError. */
export class CodedFailure extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, string | number | boolean | null>;
  constructor(code: ErrorCode, message: string, details?: Record<string, string | number | boolean | null>) {
    super(message);
    this.name = 'CodedFailure';
    this.code = code;
    if (details) this.details = details;
  }
  /** Rethrows a refusal a core function returned as a Result (its code came from fail(), so from the catalogue). */
  static from(
    error: CodedError,
    message: string = error.message,
    extra?: Record<string, string | number | boolean | null>,
  ): CodedFailure {
    const details = extra || error.details ? { ...(error.details ?? {}), ...(extra ?? {}) } : undefined;
    return new CodedFailure(error.code as ErrorCode, message, details);
  }

  toCoded(): CodedError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
