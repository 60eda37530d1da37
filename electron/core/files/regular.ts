/**
 * Reading a file the user named, safely: regular files only (a FIFO, a device or a folder
 * is refused at once instead of hanging or failing with EISDIR), never more than a cap
 * (checked before reading, and the read never takes more even if the file grows).
 *
 *   readRegularFile(path, maxBytes) → Buffer       throws FileReadError { problem }
 *   openRegularFile(path) → fd                     the same checks, for streaming readers
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type FileProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not_regular' }
  | { readonly kind: 'too_large'; readonly size: number; readonly max: number }
  | { readonly kind: 'unreadable'; readonly errno: string };

export class FileReadError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem) {
    super(problem.kind);
    this.name = 'FileReadError';
    this.problem = problem;
  }
}

/** Vietnamese words for a problem, to end a message ("Tệp x: …"). */
export function describeFileProblem(p: FileProblem): string {
  switch (p.kind) {
    case 'missing':
      return 'không tồn tại';
    case 'not_regular':
      return 'không phải tệp thông thường (thư mục, ống dẫn hay thiết bị)';
    case 'too_large':
      return `tệp quá lớn (${p.size} byte, tối đa ${p.max} byte)`;
    case 'unreadable':
      return p.errno === 'EACCES' || p.errno === 'EPERM'
        ? 'không có quyền đọc'
        : `không đọc được tệp${p.errno ? ` (${p.errno})` : ''}`;
  }
}

/** Opens without blocking (a FIFO would wait for a writer) and checks it is a regular file. */
export function openRegularFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException).code ?? '';
    throw new FileReadError(
      errno === 'ENOENT'
        ? { kind: 'missing' }
        : errno === 'EISDIR'
          ? { kind: 'not_regular' }
          : { kind: 'unreadable', errno },
    );
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new FileReadError({ kind: 'not_regular' });
  }
  return fd;
}

export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openRegularFile(path);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw new FileReadError({ kind: 'too_large', size, max: maxBytes });
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError({ kind: 'unreadable', errno: (e as NodeJS.ErrnoException).code ?? '' });
  } finally {
    closeSync(fd);
  }
}
