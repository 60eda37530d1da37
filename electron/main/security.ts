/**
 * Every security decision of the shell, as pure data and functions (no electron import at
 * runtime: test/main/security.test.ts checks each one). The glue files only apply them.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions, WebPreferences } from 'electron';

/** The renderer is served from app://cchc/…, never file://. */
export const APP_SCHEME = 'app';
const APP_HOST = 'cchc';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the PDF printer's hidden window loads the document it prints (its own session). */
export const PRINT_DOCUMENT_URL = `${APP_SCHEME}://print/document.html`;

/** Is this exactly the print document (parsed, never prefix-matched)? */
export function isPrintDocumentUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === 'print' &&
    u.port === '' &&
    u.pathname === '/document.html' &&
    u.username === '' &&
    u.password === ''
  );
}

/** What the print window may load: the document, and the data: URLs it embeds (fonts, charts). */
export function isAllowedPrintRequest(raw: string): boolean {
  if (isPrintDocumentUrl(raw)) return true;
  try {
    return new URL(raw).protocol === 'data:';
  } catch {
    return false;
  }
}
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The window's web preferences (the glue adds only the preload path). */
export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} satisfies WebPreferences);

/** Content-Security-Policy of the app (protocol responses) and of the harness (HTTP header). */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
});
export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Headers sent with every page and asset (both transports). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
});

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only plain http(s) links with a host and without embedded credentials leave the app. */
export function isAllowedExternalUrl(url: unknown): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.hostname === '' || u.username !== '' || u.password !== '') return false;
  return !isLocalHost(u.hostname);
}

/**
 * Hosts of this machine or its link: a link must not reach a service listening on the
 * user's own computer (the harness, a printer's admin page) or the local segment.
 * `hostname` is as the URL parser normalised it (IPv4 in dotted decimal, IPv6 in brackets).
 */
function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 0 || (a === 169 && b === 254);
  }
  if (h.startsWith('[')) {
    const v6 = h.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return true;
    if (/^fe[89ab][0-9a-f]:/.test(v6)) return true; // fe80::/10 link-local
    const mapped = /^::ffff:(.+)$/.exec(v6)?.[1];
    if (mapped) {
      // ::ffff:127.0.0.1 is written by the parser as ::ffff:7f00:1
      const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
      const first = hex ? parseInt(hex[1]!, 16) >> 8 : Number(mapped.split('.')[0]);
      const second = hex ? parseInt(hex[1]!, 16) & 0xff : Number(mapped.split('.')[1]);
      return first === 127 || first === 0 || (first === 169 && second === 254);
    }
  }
  return false;
}

/** An IPC call is answered only when the sending frame shows our own app:// page. */
export function isTrustedSender(url: unknown): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * The file under `root` that a request asks for, or null when it must be refused:
 * another host of the app scheme, malformed escapes, NUL, backslashes, "..", dot-files,
 * or anything resolving outside `root`. "/" is index.html. Works for app:// URLs and for
 * the request path of the HTTP harness ("/assets/x.js").
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl, `${APP_ORIGIN}/`);
  } catch {
    return null;
  }
  if (u.protocol === `${APP_SCHEME}:` && (u.hostname !== APP_HOST || u.port !== '')) return null;
  // Look at the raw path too: URL parsing already folds "/a/../b", which must be refused, not fixed.
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
    decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  for (const p of [decoded, rawPath, safeDecode(rawPath)]) {
    if (p.includes('\0') || p.includes('\\')) return null;
    if (p.split('/').some((seg) => seg === '..' || seg === '.' || seg.startsWith('.'))) return null;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  const rel = path.relative(base, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return resolved;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\0';
  }
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
export function contentTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Vietnamese labels of the native menus. */
export interface MenuStrings {
  readonly file: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly devTools: string;
  readonly window: string;
  readonly minimize: string;
  readonly close: string;
  readonly help: string;
  readonly about: string;
}

export interface MenuOptions {
  readonly onAbout: () => void;
  /** Developer tools only in development builds. */
  readonly dev: boolean;
}

/** The native menu: Tệp, Sửa, Xem, Cửa sổ, Trợ giúp. */
export function menuTemplate(t: MenuStrings, options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload },
    { type: 'separator' },
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.fullScreen },
  ];
  if (options.dev) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t.devTools });
  return [
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
    { label: t.help, submenu: [{ label: t.about, click: () => options.onAbout() }] },
  ];
}
