/**
 * Files in and out (files.upload / files.save): tickets, caps, names, expiry; the harness's
 * /download/<ticket> route and its upload body cap; the Electron save dialog with a fake.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS, fileSizeText } from '../../shared/contract/files.ts';
import { memorySettings } from '../../electron/core/settings.ts';
import { createRouter } from '../../electron/core/router.ts';
import { handlers } from '../../electron/core/handlers/index.ts';
import type { HandlerContext } from '../../electron/core/context.ts';
import { openCore, type CoreContext } from '../../electron/core/open.ts';
import {
  OUTBOX_DIR,
  TICKET_TTL_MS,
  UPLOADS_DIR,
  appendUploadPart,
  base64Size,
  discardTicket,
  produceOutbox,
  safeFileName,
  saveUpload,
  sweepExpired,
  ticketFile,
} from '../../electron/core/files/store.ts';
import { startHarness, type Harness } from '../../electron/harness/server.ts';
import { saveDialogOptions, saveWithDialog } from '../../electron/main/save-dialog.ts';
import { tempDirs } from '../db/support.ts';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return null;
};

describe('files: names, tickets, caps', () => {
  const newDir = tempDirs('cchc-files-');

  it('keeps a Vietnamese name, removes separators and control characters, shortens long names keeping the extension', () => {
    expect(safeFileName('Gói kết quả thẩm định.json')).toBe('Gói kết quả thẩm định.json');
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('C:\\Users\\x\\a.json')).toBe('C__Users_x_a.json');
    expect(safeFileName('a\u0000b\nc.txt')).toBe('a_b_c.txt');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('   ')).toBe('tep');
    const long = `${'ư'.repeat(300)}.cchc-appraisal.json`;
    const short = safeFileName(long);
    expect(short.length).toBeLessThanOrEqual(FILE_LIMITS.nameMax);
    expect(short.endsWith('.cchc-appraisal.json')).toBe(true);
    // NFD input comes back NFC
    expect(safeFileName('Thẩm định'.normalize('NFD'))).toBe('Thẩm định'.normalize('NFC'));
  });

  it('stores an upload under a random ticket with its name, size and sha256; reads it back by ticket only', () => {
    const dir = newDir();
    const f = saveUpload(dir, 'gói của An.json', b64('{"a":1}'));
    expect(f.ticket).toMatch(/^[0-9a-f]{32}$/);
    expect(f).toMatchObject({
      name: 'gói của An.json',
      size: 7,
      sha256: '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    });
    expect(f.path).toBe(join(dir, UPLOADS_DIR, f.ticket, 'gói của An.json'));
    expect(readFileSync(f.path, 'utf8')).toBe('{"a":1}');
    expect(ticketFile(dir, 'upload', f.ticket)).toEqual(f);
    // another kind, a made-up ticket, a path: all unknown
    expect(code(() => ticketFile(dir, 'outbox', f.ticket))).toBe('FILE_TICKET_UNKNOWN');
    expect(code(() => ticketFile(dir, 'upload', '0'.repeat(32)))).toBe('FILE_TICKET_UNKNOWN');
    expect(code(() => ticketFile(dir, 'upload', '../outbox'))).toBe('FILE_TICKET_UNKNOWN');
    const second = saveUpload(dir, 'gói của An.json', b64('{"a":1}'));
    expect(second.ticket).not.toBe(f.ticket);
    discardTicket(dir, 'upload', f.ticket);
    expect(existsSync(f.path)).toBe(false);
    expect(code(() => ticketFile(dir, 'upload', f.ticket))).toBe('FILE_TICKET_UNKNOWN');
  });

  it('refuses a file above the cap before decoding it, an empty file and bad base64, with Vietnamese messages; writes nothing', () => {
    const dir = newDir();
    const size = FILE_LIMITS.uploadMaxBytes + 1;
    const big = 'A'.repeat(Math.ceil(size / 3) * 4);
    expect(base64Size(big)).toBeGreaterThan(FILE_LIMITS.uploadMaxBytes);
    let err: { code?: string; message?: string } = {};
    try {
      saveUpload(dir, 'quá lớn.tar', big);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toMatch(/^Tệp “quá lớn\.tar” có dung lượng 25 MB, vượt giới hạn 25 MB cho mỗi lần tải lên\.$/);
    expect(code(() => saveUpload(dir, 'rỗng.json', ''))).toBe('FILE_EMPTY');
    expect(code(() => saveUpload(dir, 'x.json', 'không phải base64!'))).toBe('FILE_BAD_ENCODING');
    expect(code(() => saveUpload(dir, 'x.json', 'QUJD='))).toBe('FILE_BAD_ENCODING');
    expect(existsSync(join(dir, UPLOADS_DIR)) ? readdirSync(join(dir, UPLOADS_DIR)) : []).toEqual([]);
  });

  it('vi-VN sizes', () => {
    expect(fileSizeText(812)).toBe('812 byte');
    expect(fileSizeText(3482)).toBe('3,4 kB');
    expect(fileSizeText(25 * 1024 * 1024)).toBe('25 MB');
    expect(fileSizeText(8485376)).toBe('8,1 MB');
    expect(fileSizeText(150 * 1024 * 1024)).toBe('150 MB');
  });

  it('tickets expire; expired and half-written folders are swept when a new ticket is issued', () => {
    const dir = newDir();
    const t0 = Date.now();
    const f = saveUpload(dir, 'a.json', b64('x'), t0);
    expect(code(() => ticketFile(dir, 'upload', f.ticket, t0 + TICKET_TTL_MS + 1))).toBe('FILE_TICKET_UNKNOWN');
    expect(existsSync(join(dir, UPLOADS_DIR, f.ticket))).toBe(false);
    const g = saveUpload(dir, 'b.json', b64('y'), t0);
    mkdirSync(join(dir, UPLOADS_DIR, 'junk'));
    expect(sweepExpired(dir, 'upload', t0 + 1000)).toBe(0); // fresh junk without meta is left a minute
    expect(sweepExpired(dir, 'upload', t0 + TICKET_TTL_MS + 120_000)).toBe(2);
    expect(existsSync(join(dir, UPLOADS_DIR, g.ticket))).toBe(false);
  });

  it('produces an outbox file through a writer at a path the core chooses', () => {
    const dir = newDir();
    const out = produceOutbox(dir, 'soc-trang/2023.cchc-cycle.tar', (p) => writeFileSync(p, 'tar'));
    expect(out.name).toBe('soc-trang_2023.cchc-cycle.tar');
    expect(out.path).toBe(join(dir, OUTBOX_DIR, out.ticket, out.name));
    expect(ticketFile(dir, 'outbox', out.ticket)).toMatchObject({ size: 3 });
    expect(() =>
      produceOutbox(dir, 'x', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(readdirSync(join(dir, OUTBOX_DIR))).toEqual([out.ticket]); // the failed one left nothing
  });
});

describe('files: a large file in parts', () => {
  const newDir = tempDirs('cchc-files-parts-');
  const small = { total: 10, part: 4 };

  it('appends parts in order and ends with an ordinary upload ticket', () => {
    const dir = newDir();
    const a = appendUploadPart(
      dir,
      { upload: null, name: 'gói.tar', offset: 0, dataBase64: b64('abcd'), last: false },
      Date.now(),
      small,
    );
    expect(a).toMatchObject({ received: 4, file: null });
    expect(readdirSync(join(dir, UPLOADS_DIR))).toEqual([`.${a.upload}.part`]); // not a ticket yet
    expect(code(() => ticketFile(dir, 'upload', a.upload))).toBe('FILE_TICKET_UNKNOWN');
    const b = appendUploadPart(
      dir,
      { upload: a.upload, name: 'gói.tar', offset: 4, dataBase64: b64('efgh'), last: false },
      Date.now(),
      small,
    );
    const c = appendUploadPart(
      dir,
      { upload: a.upload, name: 'gói.tar', offset: 8, dataBase64: b64('ij'), last: true },
      Date.now(),
      small,
    );
    expect(b.received).toBe(8);
    expect(c.file).toMatchObject({ ticket: a.upload, name: 'gói.tar', size: 10 });
    expect(readFileSync(ticketFile(dir, 'upload', a.upload).path, 'utf8')).toBe('abcdefghij');
  });

  it('refuses a part out of order, an unknown or renamed upload, a part or a file above its cap (and forgets it)', () => {
    const dir = newDir();
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: null, name: 'x', offset: 3, dataBase64: b64('a'), last: false },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_PART_OUT_OF_ORDER');
    const a = appendUploadPart(
      dir,
      { upload: null, name: 'x.tar', offset: 0, dataBase64: b64('abcd'), last: false },
      Date.now(),
      small,
    );
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: a.upload, name: 'x.tar', offset: 2, dataBase64: b64('cd'), last: false },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_PART_OUT_OF_ORDER');
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: a.upload, name: 'y.tar', offset: 4, dataBase64: b64('ef'), last: false },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_TICKET_UNKNOWN');
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: '0'.repeat(32), name: 'x.tar', offset: 4, dataBase64: b64('ef'), last: false },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_TICKET_UNKNOWN');
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: a.upload, name: 'x.tar', offset: 4, dataBase64: b64('efghi'), last: false },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_PART_TOO_LARGE');
    appendUploadPart(
      dir,
      { upload: a.upload, name: 'x.tar', offset: 4, dataBase64: b64('efgh'), last: false },
      Date.now(),
      small,
    );
    expect(
      code(() =>
        appendUploadPart(
          dir,
          { upload: a.upload, name: 'x.tar', offset: 8, dataBase64: b64('ijk'), last: true },
          Date.now(),
          small,
        ),
      ),
    ).toBe('FILE_TOO_LARGE');
    expect(readdirSync(join(dir, UPLOADS_DIR))).toEqual([]);
  });

  it('an abandoned upload is swept once it has expired', () => {
    const dir = newDir();
    const t0 = Date.now();
    appendUploadPart(dir, { upload: null, name: 'x.tar', offset: 0, dataBase64: b64('ab'), last: false }, t0, small);
    expect(sweepExpired(dir, 'upload', t0 + 1000)).toBe(0);
    expect(sweepExpired(dir, 'upload', t0 + TICKET_TTL_MS + 1)).toBe(1);
    expect(readdirSync(join(dir, UPLOADS_DIR))).toEqual([]);
  });
});

describe('files.upload / files.save through the router', () => {
  const newDir = tempDirs('cchc-files-router-');
  let core: CoreContext;
  beforeAll(async () => {
    core = await openCore(newDir(), { demo: false });
  });
  afterAll(() => core.close());
  const router = (extra: Partial<HandlerContext>) =>
    createRouter(handlers, {
      context: { core, settings: memorySettings(), app: { version: 't', transport: 'http' }, ...extra },
    });

  it('upload → ticket; save → a download address (harness), the dialog (Electron), or a coded refusal', async () => {
    const issued: { path: string; fileName: string }[] = [];
    const harness = router({ downloadUrl: (f) => (issued.push(f), '/download/abc') });
    const up = await harness.call('files.upload', { name: 'khóa.pub.json', dataBase64: b64('{}') });
    expect(up).toMatchObject({ ok: true, value: { name: 'khóa.pub.json', size: 2 } });

    const out = produceOutbox(core.dataDir, 'gói.json', (p) => writeFileSync(p, '{}'));
    expect(await harness.call('files.save', { ticket: out.ticket, suggestedName: 'Gói / của tôi.json' })).toEqual({
      ok: true,
      value: { status: 'download', url: '/download/abc', fileName: 'Gói _ của tôi.json' },
    });
    expect(issued).toEqual([{ path: out.path, fileName: 'Gói _ của tôi.json' }]);

    const saved: string[] = [];
    const electron = router({
      saveFile: async (src, name) => (saved.push(`${src}→${name}`), { saved: true, fileName: 'chọn.json' }),
    });
    expect(await electron.call('files.save', { ticket: out.ticket })).toEqual({
      ok: true,
      value: { status: 'saved', url: null, fileName: 'chọn.json' },
    });
    expect(saved).toEqual([`${out.path}→gói.json`]);
    const cancel = router({ saveFile: async () => ({ saved: false, fileName: null }) });
    expect(await cancel.call('files.save', { ticket: out.ticket })).toMatchObject({
      ok: true,
      value: { status: 'cancelled' },
    });

    expect(await router({}).call('files.save', { ticket: out.ticket })).toMatchObject({
      ok: false,
      error: { code: 'FILES_CANNOT_SAVE' },
    });
    // an upload ticket is not an outbox ticket; a path is no ticket at all
    expect(
      await harness.call('files.save', { ticket: (up as { value: { ticket: string } }).value.ticket }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_TICKET_UNKNOWN' } });
    expect(await harness.call('files.save', { ticket: '../uploads' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await harness.call('files.upload', { name: 'x', dataBase64: b64('x'), path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('harness: /download/<ticket> and the upload body cap', () => {
  const newDir = tempDirs('cchc-files-harness-');
  let harness: Harness;
  let dataDir: string;
  beforeAll(async () => {
    const rendererDir = newDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    dataDir = newDir();
    harness = await startHarness({ dataDir, rendererDir });
  });
  afterAll(async () => {
    await harness?.close();
  });

  function request(
    method: string,
    path: string,
    body?: string,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host: `127.0.0.1:${harness.port}` };
      if (body !== undefined)
        Object.assign(headers, { 'content-type': 'application/json', 'x-cchc-token': harness.token });
      const req = http.request({ host: '127.0.0.1', port: harness.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', (e) =>
        /EPIPE|ECONNRESET/.test(String(e)) ? resolve({ status: 413, headers: {}, body: Buffer.alloc(0) }) : reject(e),
      );
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
  const api = async (method: string, input: unknown) =>
    JSON.parse((await request('POST', `/api/${method}`, JSON.stringify(input))).body.toString()) as {
      ok: boolean;
      value: any;
      error: any;
    };

  it('serves an outbox file once, as an attachment under its Vietnamese name', async () => {
    const out = produceOutbox(dataDir, 'Gói kết quả (lần 1).json', (p) => writeFileSync(p, '{"gói":1}'));
    const saved = await api('files.save', { ticket: out.ticket });
    expect(saved.ok).toBe(true);
    expect(saved.value.url).toMatch(/^\/download\/[0-9a-f]{48}$/);
    const r = await request('GET', saved.value.url);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('{"gói":1}');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="Goi ket qua (lan 1).json"; filename*=UTF-8''G%C3%B3i%20k%E1%BA%BFt%20qu%E1%BA%A3%20%28l%E1%BA%A7n%201%29.json`,
    );
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    // once only; a made-up ticket, the API token and the outbox ticket are no download tickets
    expect((await request('GET', saved.value.url)).status).toBe(403);
    expect((await request('GET', `/download/${'0'.repeat(48)}`)).status).toBe(403);
    expect((await request('GET', `/download/${harness.token}`)).status).toBe(403);
    expect((await request('GET', `/download/${out.ticket}`)).status).toBe(403);
    const again = await api('files.save', { ticket: out.ticket });
    expect((await request('POST', again.value.url, '')).status).toBe(405);
  });

  it('takes a 9 MB file in three parts through files.uploadPart', async () => {
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 5, 3);
    const part = 4 * 1024 * 1024;
    let upload: string | null = null;
    let last: any = null;
    for (let offset = 0; offset < bytes.length; offset += part) {
      last = await api('files.uploadPart', {
        upload,
        name: 'kỳ 2023.cchc-cycle.tar',
        offset,
        dataBase64: bytes.subarray(offset, offset + part).toString('base64'),
        last: offset + part >= bytes.length,
      });
      expect(last.ok).toBe(true);
      upload = last.value.upload;
    }
    expect(last.value.file).toMatchObject({ name: 'kỳ 2023.cchc-cycle.tar', size: bytes.length });
    expect(
      readFileSync(join(dataDir, UPLOADS_DIR, last.value.file.ticket, 'kỳ 2023.cchc-cycle.tar')).equals(bytes),
    ).toBe(true);
  });

  it('accepts a 5 MB upload (above the 1 MB cap of every other call) and refuses a 5 MB body elsewhere', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 7);
    const up = await api('files.upload', {
      name: 'gói kỳ đánh giá.cchc-cycle.tar',
      dataBase64: bytes.toString('base64'),
    });
    expect(up).toMatchObject({ ok: true, value: { name: 'gói kỳ đánh giá.cchc-cycle.tar', size: bytes.length } });
    expect(
      readFileSync(join(dataDir, UPLOADS_DIR, up.value.ticket, 'gói kỳ đánh giá.cchc-cycle.tar')).equals(bytes),
    ).toBe(true);
    const other = await request('POST', '/api/app.info', JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }));
    expect(other.status).toBe(413);
  });
});

describe('Electron save dialog (fake dialog)', () => {
  const newDir = tempDirs('cchc-files-dialog-');

  it('offers the suggested name in the documents folder, copies to the chosen path, or reports a cancel', async () => {
    const dir = newDir();
    const src = join(dir, 'src.json');
    writeFileSync(src, 'nội dung');
    const target = join(dir, 'nơi lưu.json');
    const asked: unknown[] = [];
    const dialog = {
      showSaveDialog: async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { canceled: false, filePath: target };
      },
    };
    const save = saveWithDialog(
      dialog as never,
      () => null,
      () => '/home/an/Tài liệu',
    );
    expect(await save(src, 'gói.json')).toEqual({ saved: true, fileName: 'nơi lưu.json' });
    expect(readFileSync(target, 'utf8')).toBe('nội dung');
    expect(asked[0]).toMatchObject({
      defaultPath: '/home/an/Tài liệu/gói.json',
      title: 'Lưu tệp',
      filters: [{ extensions: ['json'] }, { extensions: ['*'] }],
    });
    const cancel = saveWithDialog(
      { showSaveDialog: async () => ({ canceled: true, filePath: '' }) } as never,
      () => null,
      () => dir,
    );
    expect(await cancel(src, 'gói.json')).toEqual({ saved: false, fileName: null });
    expect(saveDialogOptions('/d', 'không đuôi').filters).toEqual([]);
  });
});
