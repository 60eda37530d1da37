import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { ChromiumPdfPrinter } from '../../electron/core/documents/chromium.ts';
import { chartPng, minutesPdf, resolveUnits, unitSheetsPdf } from '../../electron/core/documents/documents.ts';
import { documentFontCss } from '../../electron/core/documents/fonts.ts';
import { saveMeeting } from '../../electron/core/report/meeting.ts';
import { cycleCharts, cycleReport } from '../../electron/core/report/report.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from '../report/demo-db.ts';
import { flatText, layoutLines, pdfFonts, pdfInfo, vi, writePdf } from './pdf.ts';

const C = DEMO_CYCLE_ID;

function expectA4AndTinos(path: string): void {
  const info = pdfInfo(path);
  expect(info.sizeName).toBe('A4');
  expect(Math.abs(info.width - 595.28)).toBeLessThan(0.5);
  expect(Math.abs(info.height - 841.89)).toBeLessThan(0.5);
  const fonts = pdfFonts(path);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.embedded, f.name).toBe(true);
    expect(f.name, 'only the shipped Tinos').toMatch(/^[A-Z]{6}\+Tinos/);
  }
  expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(
    expect.arrayContaining(['Tinos', 'Tinos-Bold', 'Tinos-Italic']),
  );
}

describe('documents printed by Chromium and read back', () => {
  const temp = tempDirs('cchc-docs-');
  let db: Db;
  let dir: string;
  const printer = new ChromiumPdfPrinter();
  beforeAll(() => {
    dir = temp();
    db = demoDb(dir).db;
  });
  afterAll(async () => {
    await printer.close();
    db.close();
  });

  it('prints the minutes: national heading, title, every unit with its figures and index, A4, Tinos embedded', async () => {
    saveMeeting(
      db,
      C,
      {
        startsAt: '2024-03-15T08:00',
        endsAt: '2024-03-15T11:30',
        location: 'Hội trường Ủy ban nhân dân tỉnh',
        documentDate: '2024-03-15',
        docNumber: 'Số: 01/BB-HĐTĐ',
        copies: 3,
        conclusions: ['Hội đồng thống nhất kết quả thẩm định như trên.'],
        attendance: [{ memberId: 'soc-trang-2023-tv07', present: false, note: 'Đi công tác' }],
      },
      'tester',
    );
    const path = writePdf(join(dir, 'minutes.pdf'), await minutesPdf(db, C, printer));
    expectA4AndTinos(path);
    const text = flatText(path);
    const lines = layoutLines(path);
    for (const s of [
      'UBND TỈNH SÓC TRĂNG',
      'HỘI ĐỒNG THẨM ĐỊNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BB-HĐTĐ',
      'Sóc Trăng, ngày 15 tháng 3 năm 2024',
      'BIÊN BẢN',
      'Họp Hội đồng thẩm định kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2023',
      'Vào lúc 08 giờ 00 phút, ngày 15 tháng 03 năm 2024, tại Hội trường Ủy ban nhân dân tỉnh',
      'Chủ trì: Nguyễn Hoàng Minh',
      'Đỗ Minh Trí, Phó Giám đốc, Sở Thông tin và Truyền thông (lý do: Đi công tác)',
      'TRUNG BÌNH',
      'Hạ điểm chuẩn được Hội đồng chấp thuận',
      'Hội đồng thống nhất kết quả thẩm định như trên.',
      'Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày. Biên bản được lập thành 03 bản',
      'THƯ KÝ',
      'CHỦ TỊCH HỘI ĐỒNG',
      'Nguyễn Thị Kim Phượng',
      'Đơn vị có Chỉ số CCHC cao nhất là UBND huyện Mỹ Xuyên với 83,84%',
    ]) {
      expect(text, s).toContain(s);
    }
    const report = cycleReport(db, C);
    expect(report.units).toHaveLength(40);
    for (const g of report.groups) {
      for (const r of g.rows) {
        // the row of the report's table: unit, benchmark, self-assessed, surveys, total, index (vi-VN)
        const row = [r.unit, r.benchmark, r.selfAssessed, r.surveyCbccvc, r.surveySipas, r.total, r.index]
          .map((x, i) => (i === 0 ? x : vi(x)))
          .join(' ');
        expect(text, r.unit).toContain(row);
      }
      const avg = `TRUNG BÌNH ${[g.average.benchmark, g.average.selfAssessed, g.average.surveyCbccvc, g.average.surveySipas, g.average.total, g.average.index].map(vi).join(' ')}`;
      expect(lines, avg).toContain(avg);
    }
    expect(pdfInfo(path).pages).toBeGreaterThan(5);
  });

  it('prints a unit’s appraisal sheet, its round-1 notice and its feedback sheet', async () => {
    const id = unitIdOf(db, 'UBND huyện Mỹ Xuyên');
    const sheet = writePdf(join(dir, 'sheet.pdf'), await unitSheetsPdf(db, C, [id], printer));
    expectA4AndTinos(sheet);
    const t = flatText(sheet);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHIẾU THẨM ĐỊNH',
      'Đơn vị: UBND huyện Mỹ Xuyên',
      'Lần 1',
      'Lần 2',
      'Tài liệu kiểm chứng',
      'Nhận xét của Hội đồng',
      'TM. HỘI ĐỒNG THẨM ĐỊNH',
    ]) {
      expect(t, s).toContain(s);
    }
    // benchmark, self-assessment (round 2), appraised, surveys, total, index, classification
    expect(layoutLines(sheet)).toContain('94,00 51,34 51,34 13,13 14,34 78,81 83,84 2');
    expect(t).toContain('Ban hành Kế hoạch cải cách hành chính năm 2023 đúng thời hạn');
    const notice = writePdf(
      join(dir, 'notice.pdf'),
      await unitSheetsPdf(db, C, [id], printer, { kind: 'notice', round: 1, deadline: '25/02/2024' }),
    );
    expectA4AndTinos(notice);
    const n = flatText(notice);
    for (const s of [
      'THÔNG BÁO',
      'Kết quả thẩm định sơ bộ lần 1 Chỉ số cải cách hành chính năm 2023',
      'Kính gửi: Thủ trưởng UBND huyện Mỹ Xuyên',
      'trước ngày 25/02/2024',
      'Nơi nhận:',
    ]) {
      expect(n, s).toContain(s);
    }
    const feedback = writePdf(
      join(dir, 'feedback.pdf'),
      await unitSheetsPdf(db, C, [id], printer, { kind: 'feedback' }),
    );
    expectA4AndTinos(feedback);
    expect(flatText(feedback)).toContain('PHIẾU PHẢN HỒI');
  });

  it('shows where and why the appraisal differs from the self-assessment', async () => {
    const unit = unitIdOf(db, 'UBND huyện Long Phú');
    db.prepare(
      "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, '1.3.4', 'soc-trang-2023-tv02', '{\"met\":false}', '0', 'Không có danh sách dự thi của đơn vị', '2024-03-01T00:00:00Z')",
    ).run(unit);
    const path = writePdf(
      join(dir, 'feedback-lp.pdf'),
      await unitSheetsPdf(db, C, [unit], printer, { kind: 'feedback' }),
    );
    const t = flatText(path);
    expect(t).not.toContain('trùng với kết quả tự đánh giá ở tất cả');
    // (wrapped cells: pdftotext reads a table row line by line)
    expect(t).toMatch(/Tham gia Hội thi tìm hiểu về .*hành chính do tỉnh tổ chức/);
    expect(t).toMatch(/Không có .*danh sách dự .*thi của đơn vị/);
    const row = layoutLines(path).find((l) => l.includes('1.3.4 '));
    expect(row).toMatch(/1\.3\.4 .*0,25 0,25 0 -0,25/);
    expect(t).toContain('1. Công tác chỉ đạo, điều hành cải cách hành chính 14 10,17 9,92 -0,25');
  });

  it('prints every unit in one file, each from a new page', async () => {
    const ids = resolveUnits(db, C, 'all');
    expect(ids).toHaveLength(40);
    const path = writePdf(
      join(dir, 'notices.pdf'),
      await unitSheetsPdf(db, C, ids, printer, { kind: 'notice', round: 2 }),
    );
    expect(pdfInfo(path).pages).toBeGreaterThanOrEqual(40);
    const t = flatText(path);
    expect(t.match(/Kính gửi: Thủ trưởng /g)).toHaveLength(40);
    expect(() => resolveUnits(db, C, ['Không có'])).toThrow(expect.objectContaining({ code: 'UNIT_NOT_FOUND' }));
  });

  it('exports a chart as PNG', async () => {
    const png = await chartPng(cycleCharts(db, C).indicesByGroup[1]!, printer);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.byteLength).toBeGreaterThan(5000);
  });
  it('loads nothing but the document and its font files: no other file, no network', async () => {
    // A file the page could read if the printer let it (an escaping slip in a template, say).
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'BÍ MẬT');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${documentFontCss()}</style></head>
      <body style="font-family: Tinos"><p>Văn bản thử</p><iframe src="${pathToFileURL(secret).href}"></iframe>
      <img src="http://127.0.0.1:9/x.png"></body></html>`;
    const path = writePdf(join(dir, 'guarded.pdf'), await printer.printToPdf(html));
    const text = flatText(path);
    expect(text).toContain('Văn bản thử');
    expect(text).not.toContain('BÍ MẬT');
    expect(pdfFonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(['Tinos']);
  });

  it('reports a browser that cannot start when printing, after warmUp() let it fail quietly', async () => {
    const broken = new ChromiumPdfPrinter({ executablePath: join(dir, 'no-chromium-here') });
    try {
      await broken.warmUp(); // starts the launch; its failure is not thrown here
      await expect(minutesPdf(db, C, broken)).rejects.toMatchObject({ code: 'DOCUMENT_BROWSER_FAILED' });
      await expect(broken.printToPdf('<p>x</p>')).rejects.toMatchObject({ code: 'DOCUMENT_BROWSER_FAILED' });
    } finally {
      await broken.close();
    }
  });
});
