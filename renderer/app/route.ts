/** Hash routes (#/, #/thanh-vien…): work the same under app:// and over HTTP, never navigate away. */
import { useSyncExternalStore } from 'react';

function current(): string {
  const h = location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(path: string): void {
  if (current() !== path) location.hash = path;
}

export function hrefFor(path: string): string {
  return `#${path}`;
}
