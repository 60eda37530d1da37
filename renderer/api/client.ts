/**
 * The renderer's only door to the core. In Electron it uses `window.cchc` (built by the
 * preload over IPC); in a browser it uses the loopback harness over HTTP with the page's
 * token. Both give the same typed `api.<namespace>.<method>(input)` returning a Result;
 * writes (methods declared `mutates`) drive the save indicator.
 */
import type { Result } from '../../shared/errors/codes.ts';
import {
  CONTRACT_ERRORS,
  GLOBAL_API_NAME,
  buildApi,
  contract,
  findMethod,
  type ContractApi,
  type MethodName,
} from '../../shared/contract/index.ts';
import { httpSend, pageToken } from './http-transport.ts';
import { saveState } from './save-state.ts';

type Send = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

function fromPreload(): Send | null {
  const bridge = (globalThis as Record<string, unknown>)[GLOBAL_API_NAME];
  if (typeof bridge !== 'object' || bridge === null) return null;
  const tree = bridge as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>;
  return (method, input) => {
    const [ns, name] = method.split('.') as [string, string];
    const fn = tree[ns]?.[name];
    return typeof fn === 'function'
      ? fn(input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: CONTRACT_ERRORS.UNKNOWN_METHOD } });
  };
}

function pickSend(): Send {
  const preload = fromPreload();
  if (preload) return preload;
  const token = typeof document === 'undefined' ? null : pageToken(document);
  if (token) return httpSend(token, location.origin);
  return () =>
    Promise.resolve({ ok: false, error: { code: 'TRANSPORT_ERROR', message: CONTRACT_ERRORS.TRANSPORT_ERROR } });
}

/** Wraps a transport so that every write is reflected in the save indicator. */
export function withSaveTracking(send: Send): Send {
  return async (method, input) => {
    if (!findMethod(contract, method)?.mutates) return send(method, input);
    saveState.begin();
    let result: Result<unknown> | undefined;
    try {
      result = await send(method, input);
      return result;
    } finally {
      saveState.end(result?.ok === true);
    }
  };
}

export const api: ContractApi = buildApi(withSaveTracking(pickSend()));
