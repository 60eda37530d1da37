/** Names both transports agree on. Pure constants and functions. */
import { METHOD_NAME_PATTERN } from './define.ts';

/** Electron IPC: one channel per method, all under this prefix. */
const IPC_PREFIX = 'cchc:';
export function ipcChannel(method: string): string {
  return `${IPC_PREFIX}${method}`;
}
/** The method behind a channel, or null when the channel is not ours. */
export function methodFromChannel(channel: string): string | null {
  if (!channel.startsWith(IPC_PREFIX)) return null;
  const m = channel.slice(IPC_PREFIX.length);
  return METHOD_NAME_PATTERN.test(m) ? m : null;
}

/** Loopback HTTP: POST /api/<method>, the body is the JSON input (empty when none). */
export const HTTP_API_PREFIX = '/api/';
/** The per-run token travels in this request header… */
export const TOKEN_HEADER = 'x-cchc-token';
/** …and reaches the page in this meta tag, injected by the harness into index.html. */
export const TOKEN_META = 'cchc-token';
/** The name under which the Electron preload exposes the API on `window`. */
export const GLOBAL_API_NAME = 'cchc';
