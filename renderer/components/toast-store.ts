/** Toasts: short messages (errors stay until dismissed, information fades). */
import type { CodedError } from '../../shared/errors/codes.ts';

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly message: string;
  readonly code?: string;
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
  info(message: string): void {
    const id = nextId++;
    emit([...toasts, { id, kind: 'info', message }]);
    setTimeout(() => toastStore.dismiss(id), INFO_MS);
  },
  /** A coded error from the core, shown with its Vietnamese message and its code. */
  error(error: CodedError): void {
    const id = nextId++;
    // The same error twice in a row is shown once.
    const rest = toasts.filter((t) => !(t.kind === 'error' && t.code === error.code && t.message === error.message));
    const toast: Toast = { id, kind: 'error', message: error.message, code: error.code };
    emit([...rest, toast].slice(-4));
  },
};
