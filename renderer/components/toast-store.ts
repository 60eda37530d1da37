/** Toasts: short messages (errors stay until dismissed, information fades). */
import type { CodedError } from '../../shared/errors/codes.ts';

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly message: string;
  readonly code?: string;
  /** What the error is about (a unit's sub-criterion): the toast closes when it is fixed there. */
  readonly key?: string;
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const INFO_MS = 4000;

function emit(next: readonly Toast[]): void {
  toasts = next;
  for (const l of listeners) l();
}

export const toastStore = {
  get: (): readonly Toast[] => toasts,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  dismiss(id: number): void {
    emit(toasts.filter((t) => t.id !== id));
  },
  /** The error about `key` was fixed: its toast closes. */
  dismissKey(key: string): void {
    if (toasts.some((t) => t.key === key)) emit(toasts.filter((t) => t.key !== key));
  },
  info(message: string): void {
    const id = nextId++;
    emit([...toasts, { id, kind: 'info', message }]);
    setTimeout(() => toastStore.dismiss(id), INFO_MS);
  },
  /** A coded error from the core, shown with its Vietnamese message and its code. */
  error(error: CodedError, key?: string): void {
    const id = nextId++;
    // The same error twice in a row is shown once; a newer error about the same thing replaces the older.
    const rest = toasts.filter(
      (t) =>
        !(
          t.kind === 'error' &&
          ((t.code === error.code && t.message === error.message) || (key !== undefined && t.key === key))
        ),
    );
    const toast: Toast = {
      id,
      kind: 'error',
      message: error.message,
      code: error.code,
      ...(key === undefined ? {} : { key }),
    };
    emit([...rest, toast].slice(-4));
  },
};
