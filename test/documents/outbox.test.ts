/** Documents and exports produced into the outbox for the screens (electron/core/documents/outbox.ts). */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportTableList,
  exportToOutbox,
  minutesToOutbox,
  pdfPageCount,
  pngToOutbox,
  sheetsToOutbox,
} from '../../electron/core/documents/outbox.ts';
import type { PdfPrinter } from '../../electron/core/documents/printer.ts';
import { ticketFile } from '../../electron/core/files/store.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from '../report/demo-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'cchc-outbox-'));
const { db } = demoDb(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Records the HTML and answers a two-page "PDF". */
function fakePrinter(): PdfPrinter & { html: string[] } {
  const html: string[] = [];
  return {
    html,
    async printToPdf(h: string) {
      html.push(h);
      return new TextEncoder().encode(
        '%PDF-1.4\n1 0 obj << /Type /Pages >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type /Page >>\n%%EOF',
      );
    },
  };
}

describe('outbox documents', () => {
  it('prints the minutes into an outbox ticket with its page count', async () => {
    const printer = fakePrinter();
    const f = await minutesToOutbox(db, DEMO_CYCLE_ID, dir, printer, { charts: false });
    expect(f.pages).toBe(2);
    expect(f.fileName).toBe('Biên bản họp Hội đồng thẩm định Chỉ số CCHC 2023.pdf');
    const file = ticketFile(dir, 'outbox', f.ticket);
    expect(readFileSync(file.path, 'latin1')).toMatch(/^%PDF/);
    expect(file.size).toBe(f.size);
    expect(printer.html[0]).toMatch(/BIÊN BẢN/i);
    expect(printer.html[0]).not.toMatch(/<svg/);
  });

  it('prints sheets for chosen units, named after the kind and the unit', async () => {
    const printer = fakePrinter();
    const id = unitIdOf(db, 'UBND huyện Mỹ Xuyên');
    const one = await sheetsToOutbox(db, DEMO_CYCLE_ID, dir, printer, [id], {
      kind: 'notice',
      round: 1,
      deadline: '15/03/2024',
    });
    expect(one.fileName).toBe('Thông báo kết quả thẩm định sơ bộ lần 1 - UBND huyện Mỹ Xuyên - 2023.pdf');
    expect(printer.html[0]).toContain('15/03/2024');
    const two = await sheetsToOutbox(db, DEMO_CYCLE_ID, dir, printer, [id, unitIdOf(db, 'UBND huyện Long Phú')], {
      kind: 'feedback',
    });
    expect(two.fileName).toBe('Phiếu phản hồi - 2 đơn vị - 2023.pdf');
    await expect(sheetsToOutbox(db, DEMO_CYCLE_ID, dir, printer, [], { kind: 'appraisal' })).rejects.toMatchObject({
      code: 'DOCUMENT_NO_UNITS',
    });
    await expect(
      sheetsToOutbox(db, DEMO_CYCLE_ID, dir, printer, ['nope'], { kind: 'appraisal' }),
    ).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
  });

  it('exports the tables as xlsx, one CSV table, or JSON', async () => {
    const x = await exportToOutbox(db, DEMO_CYCLE_ID, dir, 'xlsx');
    expect(
      readFileSync(ticketFile(dir, 'outbox', x.ticket).path)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const list = exportTableList(db, DEMO_CYCLE_ID);
    expect(list.map((t) => t.file)).toEqual(
      expect.arrayContaining(['tong-hop-xep-nhom', 'ket-qua-ubnd-cap-huyen', 'chi-tiet']),
    );
    const c = await exportToOutbox(db, DEMO_CYCLE_ID, dir, 'csv', 'ket-qua-ubnd-cap-huyen');
    expect(c.fileName).toBe('ket-qua-ubnd-cap-huyen-2023.csv');
    const csv = readFileSync(ticketFile(dir, 'outbox', c.ticket).path, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('UBND huyện Mỹ Xuyên');
    expect(csv).toContain('TRUNG BÌNH');
    await expect(exportToOutbox(db, DEMO_CYCLE_ID, dir, 'csv', 'khong-co')).rejects.toMatchObject({
      code: 'EXPORT_UNKNOWN_TABLE',
    });
    const j = await exportToOutbox(db, DEMO_CYCLE_ID, dir, 'json');
    const parsed = JSON.parse(readFileSync(ticketFile(dir, 'outbox', j.ticket).path, 'utf8')) as {
      report: { units: unknown[] };
    };
    expect(parsed.report.units).toHaveLength(40);
  });

  it('takes a PNG only', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(pngToOutbox(dir, 'bieu-do.png', png).fileName).toBe('bieu-do.png');
    expect(() => pngToOutbox(dir, 'x.png', new TextEncoder().encode('<svg/>'))).toThrow(
      expect.objectContaining({ code: 'EXPORT_NOT_PNG' }),
    );
  });

  it('counts the pages of a PDF', () => {
    expect(pdfPageCount(new TextEncoder().encode('/Type /Pages /Type /Page /Type/Page'))).toBe(2);
  });
});
