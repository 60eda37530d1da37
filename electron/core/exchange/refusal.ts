/** A refused package: a stable EXCHANGE_* code and a Vietnamese message naming the file and the reason. */
import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type ExchangeCode, refusalMessage } from '../../../shared/exchange/codes.ts';
import { FileReadError, describeFileProblem, openRegularFile } from '../files/regular.ts';

export class ExchangeRefusal extends CodedFailure {
  override readonly code: ExchangeCode;
  readonly file: string;
  constructor(
    file: string,
    code: ExchangeCode,
    detail?: string,
    details: Record<string, string | number | boolean | null> = {},
  ) {
    super(code, refusalMessage(file, code, detail), { file, ...details });
    this.name = 'ExchangeRefusal';
    this.code = code;
    this.file = file;
  }
}

/** The name shown in messages: the file's base name. */
export function displayName(path: string): string {
  return basename(path);
}

/**
 * Reads a whole file, refusing before reading when it is larger than `maxBytes`
 * (EXCHANGE_TOO_LARGE) and when it cannot be read (EXCHANGE_FILE_UNREADABLE).
 */
export function readCapped(path: string, maxBytes: number): Buffer {
  const name = displayName(path);
  const fd = openChecked(path);
  try {
    const st = fstatSync(fd);
    if (st.size > maxBytes) {
      throw new ExchangeRefusal(name, 'EXCHANGE_TOO_LARGE', `${st.size} byte, tối đa ${maxBytes} byte`, {
        size: st.size,
        max: maxBytes,
      });
    }
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    // The file may grow while it is read: never take more than the cap.
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** The first `n` bytes of a file (fewer when it is shorter); EXCHANGE_FILE_UNREADABLE when it cannot be read. */
export function readHead(path: string, n: number): Buffer {
  const fd = openChecked(path);
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** A regular file opened without blocking (a FIFO or a folder is refused: EXCHANGE_FILE_UNREADABLE). */
function openChecked(path: string): number {
  try {
    return openRegularFile(path);
  } catch (e) {
    if (e instanceof FileReadError)
      throw new ExchangeRefusal(displayName(path), 'EXCHANGE_FILE_UNREADABLE', describeFileProblem(e.problem));
    throw e;
  }
}
