/**
 * The loopback transport: the built renderer and the same router as the app, over HTTP on
 * 127.0.0.1 only. Guards: Host header must be exactly 127.0.0.1:<port> (DNS rebinding), a
 * random per-run token (in the page URL for index.html, in the x-cchc-token header for the
 * API), same-origin Origin, POST + JSON only, a body size cap, the app's CSP, no traversal.
 * Evidence files: GET /evidence/<sha256>?ticket=… for hashes registered in the database,
 * with a random ticket that `evidence.open` issued for that hash a moment ago (never the token).
 * Produced files: GET /download/<ticket>, a one-time random ticket that `files.save` issued for
 * one outbox file, served as an attachment under its suggested name. Uploads (`files.upload`,
 * `files.uploadPart`) are the only API calls allowed a body above 1 MB (the 25 MB file cap, base64).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodedFailure, type Result } from '../../shared/errors/codes.ts';
import { CONTRACT_ERRORS, HTTP_API_PREFIX, TOKEN_HEADER, TOKEN_META } from '../../shared/contract/index.ts';
import { UPLOAD_MAX_BASE64 } from '../../shared/contract/files.ts';
import { openCore } from '../core/open.ts';
import { createRouter } from '../core/router.ts';
import { handlers } from '../core/handlers/index.ts';
import { evidencePath, evidenceStatus, mimeOf, sha256Hex } from '../core/evidence/files.ts';
import { isRegisteredHash } from '../core/db/repos/evidence.ts';
import { SECURITY_HEADERS, contentTypeFor, resolveAppPath } from '../main/security.ts';
import { jsonFileSettings } from './json-settings.ts';
import { foldDiacritics } from '../../shared/format/fold.ts';

const HARNESS_HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;
/** files.upload carries a whole file as base64 (at most UPLOAD_MAX_BASE64 characters) in its JSON. */
const MAX_UPLOAD_BODY = UPLOAD_MAX_BASE64 + 64 * 1024;
const UPLOAD_PATHS = new Set([`${HTTP_API_PREFIX}files.upload`, `${HTTP_API_PREFIX}files.uploadPart`]);
/** How long a download address may be used; it serves its file once. */
const DOWNLOAD_TICKET_MS = 2 * 60 * 1000;
const DOWNLOAD_PATH_PREFIX = '/download/';
/** How long an evidence ticket may be used (the browser's PDF viewer may fetch more than once). */
const EVIDENCE_TICKET_MS = 2 * 60 * 1000;
const EVIDENCE_PATH_PREFIX = '/evidence/';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface HarnessOptions {
  /** Where the core keeps its data (database, settings.json). */
  readonly dataDir: string;
  /** 0 or omitted: a free port. */
  readonly port?: number;
  /** Only 127.0.0.1 is accepted; anything else is refused. */
  readonly host?: string;
  /** The built renderer (default dist/renderer). */
  readonly rendererDir?: string;
  /** Put the demo cycle into an empty database (default true); false: a member's machine before the cycle package arrives. */
  readonly demo?: boolean;
}

export interface Harness {
  /** The page to open, token included: http://127.0.0.1:<port>/?token=… */
  readonly url: string;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

type ErrorCode = keyof typeof CONTRACT_ERRORS;

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: ErrorCode): void {
  sendJson(res, status, { ok: false, error: { code, message: CONTRACT_ERRORS[code] } });
}

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop buffering; the 413 goes out with "connection: close", then the socket is dropped.
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META}" content="${token}">`;
  return html.includes('</head>') ? html.replace('</head>', `  ${meta}\n</head>`) : `${meta}\n${html}`;
}

/** Headers of an evidence file: its own type, shown inline (office files download), never sniffed or cached. */
function evidenceHeaders(fileName: string, size: number): Record<string, string> {
  const mime = mimeOf(fileName);
  const inline = mime === 'application/pdf' || mime.startsWith('image/') || mime.startsWith('text/plain');
  const headers: Record<string, string> = {
    'content-type': mime,
    'content-length': String(size),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
  // The browser's PDF viewer does not run under a sandbox CSP; anything else shows with nothing active.
  if (mime !== 'application/pdf')
    headers['content-security-policy'] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
  return headers;
}

/** Headers of a produced file: always a download under its name (ASCII fallback for old agents), never sniffed or cached. */
function downloadHeaders(fileName: string, size: number): Record<string, string> {
  const ascii = foldDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'no-store',
  };
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (options.host !== undefined && options.host !== HARNESS_HOST) {
    throw new CodedFailure(
      'HARNESS_HOST_REFUSED',
      `Máy chủ thử nghiệm chỉ được lắng nghe trên ${HARNESS_HOST}, không phải “${options.host}”.`,
    );
  }
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new CodedFailure(
      'HARNESS_NO_RENDERER',
      `Chưa có giao diện đã build trong “${rendererDir}”: hãy chạy “npx vite build”.`,
    );
  }
  const token = randomBytes(32).toString('hex');
  const core = await openCore(path.resolve(options.dataDir), { demo: options.demo ?? true });
  const settings = jsonFileSettings(path.join(core.dataDir, 'settings.json'));
  const tickets = new Map<string, { sha256: string; fileName: string; expires: number }>();
  function issueTicket(file: { sha256: string; fileName: string }): string {
    const now = Date.now();
    for (const [t, v] of tickets) if (v.expires <= now) tickets.delete(t);
    const ticket = randomBytes(24).toString('hex');
    tickets.set(ticket, { sha256: file.sha256, fileName: file.fileName, expires: now + EVIDENCE_TICKET_MS });
    return `${EVIDENCE_PATH_PREFIX}${file.sha256}?ticket=${ticket}`;
  }
  const downloads = new Map<string, { path: string; fileName: string; expires: number }>();
  function issueDownload(file: { path: string; fileName: string }): string {
    const now = Date.now();
    for (const [t, v] of downloads) if (v.expires <= now) downloads.delete(t);
    const ticket = randomBytes(24).toString('hex');
    downloads.set(ticket, { path: file.path, fileName: file.fileName, expires: now + DOWNLOAD_TICKET_MS });
    return `${DOWNLOAD_PATH_PREFIX}${ticket}`;
  }
  const router = createRouter(handlers, {
    context: {
      core,
      settings,
      app: { version: readVersion(), transport: 'http' },
      evidenceUrl: issueTicket,
      downloadUrl: issueDownload,
    },
  });
  let port = 0;

  async function handleEvidence(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED');
    const sha = /^[0-9a-f]{64}$/.exec(url.pathname.slice(EVIDENCE_PATH_PREFIX.length))?.[0];
    const ticket = tickets.get(url.searchParams.get('ticket') ?? '');
    if (!sha || !ticket || ticket.sha256 !== sha || ticket.expires <= Date.now())
      return sendError(res, 403, 'UNAUTHORIZED');
    if (!isRegisteredHash(core.db, sha) || evidenceStatus(core.dataDir, sha) !== 'ok') {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy tài liệu, hoặc tệp đã bị thay đổi.\n');
      return;
    }
    const body = await readFile(evidencePath(core.dataDir, sha));
    if (sha256Hex(body) !== sha) {
      // re-hashed as served: a file changed behind the status cache is never what is shown
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy tài liệu, hoặc tệp đã bị thay đổi.\n');
      return;
    }
    res.writeHead(200, evidenceHeaders(ticket.fileName, body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handleDownload(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED');
    const ticket = /^[0-9a-f]{48}$/.exec(url.pathname.slice(DOWNLOAD_PATH_PREFIX.length))?.[0];
    const entry = ticket ? downloads.get(ticket) : undefined;
    if (!ticket || !entry || entry.expires <= Date.now()) return sendError(res, 403, 'UNAUTHORIZED');
    downloads.delete(ticket); // one download per ticket
    let size: number;
    try {
      size = statSync(entry.path).size;
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy tệp (đã quá hạn). Hãy tạo lại tệp.\n');
      return;
    }
    res.writeHead(200, downloadHeaders(entry.fileName, size));
    createReadStream(entry.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED');
    if (!sameToken(req.headers[TOKEN_HEADER], token)) return sendError(res, 401, 'UNAUTHORIZED');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HARNESS_HOST}:${port}`)
      return sendError(res, 403, 'FORBIDDEN_SENDER');
    const body = await readBody(req, UPLOAD_PATHS.has(pathname) ? MAX_UPLOAD_BODY : MAX_BODY);
    if (body === null) {
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE');
    }
    let input: unknown;
    if (body.trim() !== '') {
      const type = req.headers['content-type'] ?? '';
      if (!/^application\/json\b/i.test(type)) return sendError(res, 400, 'INVALID_INPUT');
      try {
        input = JSON.parse(body);
      } catch {
        return sendError(res, 400, 'INVALID_INPUT');
      }
    }
    let method: string;
    try {
      method = decodeURIComponent(pathname.slice(HTTP_API_PREFIX.length));
    } catch {
      return sendError(res, 404, 'UNKNOWN_METHOD');
    }
    const result = await router.call(method, input);
    sendJson(res, 200, result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED');
    const file = resolveAppPath(rendererDir, req.url ?? '/');
    if (!file) return sendError(res, 403, 'FORBIDDEN_PATH');
    const isIndex = path.relative(rendererDir, file) === 'index.html';
    if (isIndex && !sameToken(url.searchParams.get('token'), token)) {
      res.writeHead(401, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${CONTRACT_ERRORS.UNAUTHORIZED} Hãy mở đúng địa chỉ do máy chủ thử nghiệm in ra.\n`);
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy.\n');
      return;
    }
    const out = isIndex ? Buffer.from(injectToken(body.toString('utf8'), token), 'utf8') : body;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentTypeFor(file),
      'content-length': String(out.length),
      'cache-control': isIndex ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : out);
  }

  const server = createServer((req, res) => {
    // DNS rebinding guard: a page from another name resolving to 127.0.0.1 carries its own Host.
    if (req.headers.host !== `${HARNESS_HOST}:${port}`) return sendError(res, 421, 'FORBIDDEN_HOST');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${HARNESS_HOST}:${port}`);
    } catch {
      return sendError(res, 400, 'INVALID_INPUT');
    }
    const work = url.pathname.startsWith(HTTP_API_PREFIX)
      ? handleApi(req, res, url.pathname)
      : url.pathname.startsWith(EVIDENCE_PATH_PREFIX)
        ? handleEvidence(req, res, url)
        : url.pathname.startsWith(DOWNLOAD_PATH_PREFIX)
          ? Promise.resolve(handleDownload(req, res, url))
          : handleStatic(req, res, url);
    work.catch((e: unknown) => {
      process.stderr.write(`[cchc harness] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_ERROR');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HARNESS_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('harness: no address');
  port = address.port;
  const origin = `http://${HARNESS_HOST}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          core.close();
          resolve();
        });
      }),
  };
}
