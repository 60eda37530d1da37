/** The harness serves evidence files by hash, only with a fresh ticket from evidence.open, only for registered hashes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/server.ts';
import { evidencePath } from '../../electron/core/evidence/files.ts';
import { buildRenderer } from './support.ts';

let harness: Harness;
let dataDir: string;

beforeAll(async () => {
  const rendererDir = await buildRenderer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cchc-evidence-route-'));
  harness = await startHarness({ dataDir, rendererDir });
});
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function get(
  p: string,
  host = `127.0.0.1:${harness.port}`,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: harness.port, method, path: p, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function open(evidenceId: number, page?: number): Promise<string> {
  const res = await fetch(`${harness.origin}/api/evidence.open`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cchc-token': harness.token },
    body: JSON.stringify(page ? { evidenceId, page } : { evidenceId }),
  });
  const body = (await res.json()) as { ok: boolean; value: { url: string } };
  expect(body.ok).toBe(true);
  return body.value.url;
}

describe('harness evidence route', () => {
  it('serves the PDF for a fresh ticket, with its type, inline, #page in the address', async () => {
    const url = await open(1, 3);
    const m = /^\/evidence\/([0-9a-f]{64})\?ticket=([0-9a-f]{48})#page=3$/.exec(url);
    expect(m).not.toBeNull();
    const r = await get(url.replace(/#.*$/, ''));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''.+\.pdf$/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.body.equals(readFileSync(evidencePath(dataDir, m![1]!)))).toBe(true);
    // the API token is no ticket, and the token never appears in the address
    expect(url).not.toContain(harness.token);
    expect((await get(`/evidence/${m![1]}?ticket=${harness.token}`)).status).toBe(403);
  });

  it('refuses no ticket, a wrong ticket, a ticket for another hash, other hosts and other methods', async () => {
    const a = (await open(1)).replace(/#.*$/, '');
    const b = (await open(2)).replace(/#.*$/, '');
    const [, shaA, ticketA] = /^\/evidence\/(\w+)\?ticket=(\w+)$/.exec(a)!;
    const [, shaB] = /^\/evidence\/(\w+)\?ticket=(\w+)$/.exec(b)!;
    expect((await get(`/evidence/${shaA}`)).status).toBe(403);
    expect((await get(`/evidence/${shaA}?ticket=${'0'.repeat(48)}`)).status).toBe(403);
    expect((await get(`/evidence/${shaB}?ticket=${ticketA}`)).status).toBe(403);
    expect((await get(`/evidence/${'f'.repeat(64)}?ticket=${ticketA}`)).status).toBe(403);
    expect((await get(`/evidence/..%2f..%2fcchc.sqlite?ticket=${ticketA}`)).status).toBe(403);
    expect((await get(a, `localhost:${harness.port}`)).status).toBe(421);
    expect((await get(a, `127.0.0.1:${harness.port}`, 'DELETE')).status).toBe(405);
    expect((await get(a, `127.0.0.1:${harness.port}`, 'HEAD')).status).toBe(200);
  });

  it('serves nothing once the file is missing, even with a valid ticket', async () => {
    const url = (await open(3)).replace(/#.*$/, '');
    const sha = /^\/evidence\/(\w+)\?/.exec(url)![1]!;
    rmSync(evidencePath(dataDir, sha));
    expect((await get(url)).status).toBe(404);
    const res = await fetch(`${harness.origin}/api/evidence.open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cchc-token': harness.token },
      body: JSON.stringify({ evidenceId: 3 }),
    });
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('EVIDENCE_MISSING');
  });
});
