import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  isAllowedPrintRequest,
  isPrintDocumentUrl,
  PRINT_DOCUMENT_URL,
  APP_ENTRY_URL,
  CSP,
  CSP_DIRECTIVES,
  SECURITY_HEADERS,
  WEB_PREFERENCES,
  contentTypeFor,
  isAllowedExternalUrl,
  isTrustedSender,
  menuTemplate,
  resolveAppPath,
} from '../../electron/main/security.ts';
import { MENU_VI } from '../../electron/main/strings.ts';
import { restoreBounds, restorePreferences } from '../../electron/main/window-state.ts';
import { handleIpcCall } from '../../electron/main/ipc-core.ts';
import { ipcChannel, methodFromChannel } from '../../shared/contract/index.ts';

describe('WEB_PREFERENCES', () => {
  it('isolates the renderer', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInSubFrames).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
    expect(WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect('preload' in WEB_PREFERENCES).toBe(false);
  });
});

describe('CSP', () => {
  it("starts from default-src 'none' and allows only the app itself", () => {
    expect(CSP.startsWith("default-src 'none'")).toBe(true);
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['style-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['img-src']).toBe("'self' data:");
    expect(CSP_DIRECTIVES['font-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['connect-src']).toBe("'self'");
    expect(CSP).not.toContain('unsafe-inline');
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toMatch(/\*/);
    expect(SECURITY_HEADERS['content-security-policy']).toBe(CSP);
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://sonoivu.soctrang.gov.vn/', 'http://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'app://cchc/index.html',
    'smb://server/share',
    'ms-msdt:/id',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'httpsx://example.com',
    ' https//example.com',
    'https:/',
    '/relative/path',
    '',
    'a'.repeat(5000),
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl(null)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://x.y' })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only our own app:// origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('app://cchc/index.html#/thanh-vien')).toBe(true);
    expect(isTrustedSender('app://cchc/')).toBe(true);
  });
  it.each([
    'app://cchc.evil.com/index.html',
    'app://evil/index.html',
    'app://cchc@evil/index.html',
    'app://evil@cchc/index.html',
    'app://cchc:8080/index.html',
    'apps://cchc/index.html',
    'http://cchc/index.html',
    'https://cchc/',
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'app:cchc',
    '',
  ])('refuses %s', (url) => expect(isTrustedSender(url)).toBe(false));
  it('refuses a missing sender frame', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/app/dist/renderer');
  it('maps app URLs and request paths inside the root', () => {
    expect(resolveAppPath(root, 'app://cchc/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://cchc/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://cchc/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, '/?token=abc')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/x%20y.css')).toBe(path.join(root, 'assets', 'x y.css'));
    expect(resolveAppPath(root, '/assets/Th%E1%BA%A9m.png')).toBe(path.join(root, 'assets', 'Thẩm.png'));
  });
  it.each([
    'app://cchc/../package.json',
    'app://cchc/%2e%2e/package.json',
    'app://cchc/%2E%2E/%2E%2E/etc/passwd',
    'app://cchc/assets/..%2f..%2fpackage.json',
    'app://cchc/assets/..%5c..%5cpackage.json',
    'app://cchc/assets\\..\\..\\package.json',
    'app://cchc/%00index.html',
    'app://cchc/%zz',
    'app://cchc/.env',
    'app://cchc/assets/./x.js',
    'app://evil/index.html',
    'app://cchc:1/index.html',
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2Fpackage.json',
    '//etc/passwd/..',
  ])('refuses %s', (url) => expect(resolveAppPath(root, url)).toBeNull());
  it('never returns a path outside the root', () => {
    for (const url of ['/a/b/c.js', '/assets//x.js', '/x/%2F/y']) {
      const p = resolveAppPath(root, url);
      if (p !== null) expect(path.relative(root, p).startsWith('..')).toBe(false);
    }
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer assets', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});

describe('menuTemplate', () => {
  it('has the Vietnamese menus Tệp, Sửa, Xem, Cửa sổ, Trợ giúp', () => {
    const menu = menuTemplate(MENU_VI, { dev: false, onAbout: () => {} });
    expect(menu.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Cửa sổ', 'Trợ giúp']);
    for (const top of menu) {
      for (const item of top.submenu as { type?: string; label?: string }[]) {
        if (item.type !== 'separator') expect(item.label).toMatch(/\S/);
      }
    }
  });
  it('offers developer tools only in development', () => {
    const roles = (dev: boolean) =>
      menuTemplate(MENU_VI, { dev, onAbout: () => {} }).flatMap((m) =>
        (m.submenu as { role?: string }[]).map((i) => i.role),
      );
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
  it('calls onAbout from Trợ giúp › Giới thiệu', () => {
    let called = 0;
    const menu = menuTemplate(MENU_VI, { dev: false, onAbout: () => called++ });
    const about = (menu[4]!.submenu as { label?: string; click?: () => void }[]).find((i) => i.label === 'Giới thiệu');
    about!.click!();
    expect(called).toBe(1);
  });
});

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('keeps well-formed visible bounds', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
    });
  });
  it.each([
    [undefined],
    ['{"x":1}'],
    [{ x: 100, y: 50, width: 1200 }],
    [{ x: 100.5, y: 50, width: 1200, height: 800 }],
    [{ x: 100, y: 50, width: 300, height: 200 }],
    [{ x: 5000, y: 50, width: 1200, height: 800 }],
    [{ x: -1190, y: 50, width: 1200, height: 800 }],
    [{ x: 0, y: 0, width: Number.NaN, height: 800 }],
  ])('refuses %j', (saved) => expect(restoreBounds(saved, screen)).toBeNull());
});

describe('IPC channels and sender check', () => {
  it('names one channel per method under the cchc: prefix', () => {
    expect(ipcChannel('session.get')).toBe('cchc:session.get');
    expect(methodFromChannel('cchc:session.get')).toBe('session.get');
    expect(methodFromChannel('other:session.get')).toBeNull();
    expect(methodFromChannel('cchc:__proto__')).toBeNull();
  });
  it('answers only our own page, before the router runs', async () => {
    const calls: string[] = [];
    const router = { call: async (m: string) => (calls.push(m), { ok: true as const, value: 1 }) };
    const refused = await handleIpcCall(router, 'https://evil.example/', 'session.get', undefined);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: expect.stringMatching(/tin cậy/) },
    });
    expect(await handleIpcCall(router, undefined, 'session.get', undefined)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(await handleIpcCall(router, 'app://cchc/index.html', 'session.get', undefined)).toEqual({
      ok: true,
      value: 1,
    });
    expect(calls).toEqual(['session.get']);
  });
});

describe('restorePreferences', () => {
  it('keeps a sane zoom and falls back otherwise', () => {
    expect(restorePreferences({ zoomFactor: 1.25 })).toEqual({ zoomFactor: 1.25 });
    for (const bad of [
      undefined,
      null,
      'x',
      { zoomFactor: 0 },
      { zoomFactor: 10 },
      { zoomFactor: Number.NaN },
      { zoomFactor: '1.2' },
    ]) {
      expect(restorePreferences(bad)).toEqual({ zoomFactor: 1 });
    }
  });
});

describe('the PDF printer window', () => {
  it('loads only its own document and the data: URLs the document embeds', () => {
    expect(isPrintDocumentUrl(PRINT_DOCUMENT_URL)).toBe(true);
    for (const bad of [
      'app://print/other.html',
      'app://print.evil/document.html',
      'app://print:81/document.html',
      'app://x@print/document.html',
      'app://app/document.html',
      'https://print/document.html',
      'file:///tmp/document.html',
      'nonsense',
    ]) {
      expect(isPrintDocumentUrl(bad), bad).toBe(false);
      expect(isAllowedPrintRequest(bad), bad).toBe(false);
    }
    expect(isAllowedPrintRequest('data:font/ttf;base64,AAAA')).toBe(true);
    expect(isAllowedPrintRequest(PRINT_DOCUMENT_URL)).toBe(true);
  });
});
