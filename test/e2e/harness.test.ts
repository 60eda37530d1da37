import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/server.ts';
import { CSP } from '../../electron/main/security.ts';
import { buildRenderer, completeFirstRun, openApp, type E2EApp } from './support.ts';

let harness: Harness;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await buildRenderer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cchc-harness-test-'));
  harness = await startHarness({ dataDir, rendererDir });
});
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
/** A raw request: lets the test set any Host header and an un-normalised path. */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: harness.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${harness.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, input?: unknown, headers: Record<string, string> = { 'x-cchc-token': harness.token }) {
  return raw({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
}

describe('harness transport', () => {
  it('answers the contract with the token', async () => {
    const r = await api('app.info');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { transport: 'http', version: expect.any(String) } });
    expect(r.headers['content-security-policy']).toBe(CSP);
  });

  it('refuses a request without the token, or with a wrong one, as a 401 coded error', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'x-cchc-token': '' },
      { 'x-cchc-token': 'x'.repeat(64) },
      { 'x-cchc-token': `${harness.token}0` },
    ];
    for (const headers of variants) {
      const r = await api('session.get', undefined, headers);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toEqual({
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Yêu cầu không có quyền truy cập.' },
      });
    }
    // and the page itself is not served without the token
    const page = await raw({ path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).not.toContain(harness.token);
    const withToken = await raw({ path: `/?token=${harness.token}` });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain(`<meta name="cchc-token" content="${harness.token}">`);
    expect(withToken.headers['content-security-policy']).toBe(CSP);
  });

  it('refuses other Host headers (DNS rebinding) and foreign origins', async () => {
    for (const host of [`localhost:${harness.port}`, 'evil.example', `127.0.0.1:${harness.port + 1}`, '127.0.0.1']) {
      const r = await raw({ path: `/?token=${harness.token}`, headers: { host } });
      expect(r.status).toBe(421);
      expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN_HOST');
    }
    const r = await api('session.get', undefined, { 'x-cchc-token': harness.token, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
  });

  it('refuses path traversal and other methods', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/.env',
      '/assets/%00x',
    ]) {
      const r = await raw({ path: p });
      expect(r.status, p).toBe(403);
      expect(r.body).not.toContain('"name": "cchc');
    }
    expect(
      (await raw({ method: 'GET', path: '/api/session.get', headers: { 'x-cchc-token': harness.token } })).status,
    ).toBe(405);
    expect((await raw({ method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it('returns coded errors for unknown methods, bad JSON and invalid input', async () => {
    expect(JSON.parse((await api('nope.nothing')).body).error.code).toBe('UNKNOWN_METHOD');
    expect(JSON.parse((await api('__proto__.toString')).body).error.code).toBe('UNKNOWN_METHOD');
    const badJson = await raw({
      method: 'POST',
      path: '/api/session.get',
      headers: { 'x-cchc-token': harness.token, 'content-type': 'application/json' },
      body: '{',
    });
    expect(JSON.parse(badJson.body).error.code).toBe('INVALID_INPUT');
    const invalid = JSON.parse((await api('session.setIdentity', { name: '' })).body);
    expect(invalid.error.code).toBe('INVALID_INPUT');
    expect(invalid.error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    // Over the 1 MB cap: a 413 coded error (or, if the client was still writing, a closed connection).
    const big = await api('session.setIdentity', { name: 'x'.repeat(2 * 1024 * 1024) }).catch(
      (e: NodeJS.ErrnoException) => e.code ?? 'ERROR',
    );
    if (typeof big === 'string') expect(big).toMatch(/ECONNRESET|EPIPE/);
    else expect([big.status, JSON.parse(big.body).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('listens on 127.0.0.1 only, and refuses to be bound anywhere else', async () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal)
      .map((i) => i.address);
    for (const address of ['::1', ...others]) {
      const connected = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: address, port: harness.port, timeout: 2000 });
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
        s.once('timeout', () => (s.destroy(), resolve(false)));
      });
      expect(connected, address).toBe(false);
    }
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.10']) {
      await expect(startHarness({ dataDir, rendererDir, host })).rejects.toMatchObject({
        code: 'HARNESS_HOST_REFUSED',
      });
    }
  });
});

describe('harness in the browser', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('uses the HTTP transport (no preload bridge) and the CSP blocks inline code', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
    expect(await page.evaluate(() => 'cchc' in window)).toBe(false);
    const blocked = await page.evaluate(async () => {
      (window as unknown as { pwned?: boolean }).pwned = false;
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img id="probe" hidden src="data:," onerror="window.pwned = true">',
      );
      const s = document.createElement('script');
      s.textContent = 'window.pwned = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 200));
      document.getElementById('probe')?.remove();
      s.remove();
      return (window as unknown as { pwned?: boolean }).pwned;
    });
    expect(blocked).toBe(false);
    expect(app.problems.some((p) => /Content Security Policy/.test(p))).toBe(true);
  });

  it('shows a coded error from the core as a Vietnamese toast, and the save indicator says it failed', async () => {
    const { page } = app;
    await completeFirstRun(page);
    await page.getByRole('link', { name: 'Thông tin thành viên' }).first().click();
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc Sở');
    await app.harness.close(); // the core goes away
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const toast = page.getByRole('alert').filter({ hasText: 'Có lỗi xảy ra' });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('Không liên lạc được với phần lõi của ứng dụng.');
    expect(await toast.innerText()).toContain('TRANSPORT_ERROR');
    expect(await page.getByTestId('save-indicator').innerText()).toBe('Chưa lưu được');
    await app.screenshot('06-error-toast');
    await toast.getByRole('button', { name: 'Đóng thông báo' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Có lỗi xảy ra' }).count()).toBe(0);
  });
});
