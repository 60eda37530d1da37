/**
 * Preload (sandboxed): exposes `window.cchc.<namespace>.<method>(input)`, one named function
 * per contract method — never ipcRenderer or a generic invoke. The method list is taken from
 * the contract at build time (electron/main/build.ts), so no schema library ships here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApiFrom } from '../../shared/contract/api-builder.ts';
import { CONTRACT_ERRORS } from '../../shared/contract/errors.ts';
import { GLOBAL_API_NAME, ipcChannel } from '../../shared/contract/transport.ts';
import type { Result } from '../../shared/errors/codes.ts';

declare const __CCHC_METHODS__: readonly string[];

const api = buildApiFrom(__CCHC_METHODS__, async (method, input) => {
  try {
    return (await ipcRenderer.invoke(ipcChannel(method), input)) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'TRANSPORT_ERROR', message: CONTRACT_ERRORS.TRANSPORT_ERROR } };
  }
});

contextBridge.exposeInMainWorld(GLOBAL_API_NAME, api);
