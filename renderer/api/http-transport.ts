/** The browser-harness transport: POST /api/<method> with the per-run token from the page. */
import type { Result } from '../../shared/errors/codes.ts';
import { CONTRACT_ERRORS, HTTP_API_PREFIX, TOKEN_HEADER, TOKEN_META } from '../../shared/contract/index.ts';

function transportError(): Result<never> {
  return { ok: false, error: { code: 'TRANSPORT_ERROR', message: CONTRACT_ERRORS.TRANSPORT_ERROR } };
}

function isResult(v: unknown): v is Result<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

export function pageToken(doc: Document): string | null {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`);
  return meta?.content || null;
}

export function httpSend(token: string, origin: string) {
  return async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(new URL(`${HTTP_API_PREFIX}${encodeURIComponent(method)}`, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: input === undefined ? null : JSON.stringify(input),
        credentials: 'omit',
        cache: 'no-store',
      });
      const body: unknown = await res.json();
      return isResult(body) ? body : transportError();
    } catch {
      return transportError();
    }
  };
}
