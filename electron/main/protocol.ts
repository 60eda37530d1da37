/** Glue: app://cchc/… serves dist/renderer, with the CSP; anything else is refused. */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, SECURITY_HEADERS, contentTypeFor, resolveAppPath } from './security.ts';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(rendererRoot, request.url) : null;
    if (!file) return new Response('Forbidden', { status: 403, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
