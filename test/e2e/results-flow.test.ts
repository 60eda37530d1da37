/**
 * Issue #5 end to end on the harness, as the secretariat of the demo cycle: import survey
 * points (preview, then commit) and last year's results, open the results (tables, a unit's
 * drill-down, the what-if), open a chart and export it as PNG, edit a sentence of the
 * narrative, fill the meeting details and print the minutes (a real PDF, downloaded, read
 * back with pdftotext and rendered with pdftoppm). Screenshots of every screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, openApp, type E2EApp } from './support.ts';
import { SECRETARY, makeSecretariatKey, seedAppraisal, startAs } from './results-support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'cchc-results-e2e-'));
let app: E2EApp;

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1366, height: 768 } });
  await startAs(app.page, SECRETARY);
  await makeSecretariatKey(app.page);
  await seedAppraisal(
    app.dataDir,
    'UBND huyện Long Phú',
    '2.2.1',
    { tier: 'late' },
    'Kế hoạch ban hành trễ 15 ngày so với quy định.',
  );
});
afterAll(async () => {
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A row of an ag-grid table by the unit's name. */
function gridRow(grid: Locator, unit: string): Locator {
  return grid.getByRole('row').filter({ has: grid.page().getByRole('link', { name: unit, exact: true }) });
}

async function cell(grid: Locator, unit: string, colId: string): Promise<string> {
  return ((await gridRow(grid, unit).locator(`[col-id="${colId}"]`).textContent()) ?? '').trim();
}

async function sub(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Các phần của kết quả' }).getByRole('link', { name }).click();
}

/** The viewport only (what a 1366×768 laptop shows first). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

describe('results end to end (secretariat)', () => {
  it('imports survey points: preview with counts, then commit', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết quả' }).click();
    await page.getByTestId('summary-department').waitFor();
    await sub(page, 'Nhập dữ liệu');
    const card = page.getByTestId('survey-import');
    await card.waitFor();
    const csv = path.join(work, 'diem-dtxhh.csv');
    writeFileSync(
      csv,
      'Đơn vị,Khảo sát CBCCVC,Số phiếu CBCCVC,Chỉ số SIPAS,Số phiếu SIPAS\nUBND huyện Mỹ Xuyên,"14,50",120,"14,34",95\nUBND huyện Long Phú,"13,90",98,"14,27",88\n',
      'utf8',
    );
    await page.getByTestId('survey-file').setInputFiles(csv);
    await expect.poll(() => card.locator('.r-files').textContent()).toContain('diem-dtxhh.csv');
    await card.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('survey-preview');
    await preview.waitFor();
    expect(await page.getByTestId('survey-totals').textContent()).toContain('4 dòng điểm · 401 phiếu');
    const rows = preview.getByTestId('survey-preview-rows').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
    expect(first).toContain('UBND huyện Mỹ Xuyên');
    expect(first).toContain('14,50');
    expect(first).toContain('120');
    await app.screenshot('results-01-survey-preview');
    await page.getByTestId('survey-commit').click();
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('survey-current').textContent()).toContain('40/40');
  });

  it('aggregates raw responses into points, showing the counts per answer', async () => {
    const { page } = app;
    const card = page.getByTestId('survey-import');
    const csv = path.join(work, 'phieu-sipas.csv');
    const rows = [
      ['UBND huyện Kế Sách', 'A', 'A', 'B'],
      ['UBND huyện Kế Sách', 'A', 'C', ''],
      ['UBND huyện Kế Sách', 'B', 'B', 'D'],
      ['UBND huyện Mỹ Tú', 'A', 'A', 'A'],
      ['UBND huyện Mỹ Tú', 'B', 'A', 'A'],
    ];
    writeFileSync(csv, `Đơn vị,Câu 1,Câu 2,Câu 3\n${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');
    await page.getByTestId('survey-file').setInputFiles(csv);
    await expect.poll(() => card.locator('.r-files').textContent()).toContain('phieu-sipas.csv');
    await card
      .getByRole('combobox', { name: 'Loại tệp' })
      .selectOption({ label: 'Phiếu trả lời (tổng hợp thành điểm)' });
    await card.getByRole('combobox', { name: 'Cuộc khảo sát' }).selectOption({ label: 'Chỉ số SIPAS' });
    await card.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('survey-preview');
    await preview.waitFor();
    expect(await page.getByTestId('survey-totals').textContent()).toContain('2 dòng điểm · 5 phiếu · 14 câu trả lời');
    // Kế Sách: 3 respondents, 8 answers (1 blank): A 3, B 3, C 1, D 1 → (3×1 + 3×0,6 + 1×0,2) / 8 = 62,50% of 15 points = 9,375.
    const keSach = (await preview.locator('tbody tr').filter({ hasText: 'UBND huyện Kế Sách' }).innerText()).replace(
      /\s+/g,
      ' ',
    );
    expect(keSach).toBe('UBND huyện Kế Sách Chỉ số SIPAS 13,92 9,38 15,00 3 8 1 3 3 1 1 62,50%');
    expect(await page.getByTestId('survey-scale').textContent()).toContain('A = 100%, B = 60%, C = 20%, D = 0%');
    await shot(page, 'results-01b-responses-preview');
    await preview.getByRole('button', { name: 'Bỏ' }).click();
    await card.getByRole('combobox', { name: 'Loại tệp' }).selectOption({ label: 'Tự nhận biết' });
  });

  it('refuses a survey file with an unknown unit, naming the row', async () => {
    const { page } = app;
    const card = page.getByTestId('survey-import');
    const bad = path.join(work, 'sai.csv');
    writeFileSync(bad, 'Đơn vị,Khảo sát CBCCVC\nUBND huyện Không Có,12\n', 'utf8');
    await page.getByTestId('survey-file').setInputFiles(bad);
    await expect.poll(() => card.locator('.r-files').textContent()).toContain('sai.csv');
    await card.getByRole('button', { name: 'Xem trước' }).click();
    const err = page.getByTestId('import-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/dòng 2.*UBND huyện Không Có.*SURVEY_UNKNOWN_UNIT/s);
    await shot(page, 'results-02-survey-refused');
  });

  it('imports last year’s results (preview, commit)', async () => {
    const { page } = app;
    const card = page.getByTestId('previous-import');
    await page
      .getByTestId('previous-file')
      .setInputFiles(path.join(ROOT, 'test/fixtures/soc-trang-2023/summary-districts.csv'));
    await expect.poll(() => card.locator('.r-files').textContent()).toContain('summary-districts.csv');
    await card.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('previous-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('11 đơn vị có Chỉ số năm 2022');
    await page.getByTestId('previous-commit').click();
    await preview.waitFor({ state: 'detached' });
    await app.screenshot('results-03-imports-done');
  });

  it('shows the report’s tables with the imported points, TRUNG BÌNH and last year', async () => {
    const { page } = app;
    await sub(page, 'Bảng kết quả');
    await page.getByTestId('tab-district').click();
    const grid = page.getByTestId('summary-district');
    await grid.waitFor();
    await expect.poll(() => cell(grid, 'UBND huyện Mỹ Xuyên', 'surveyCbccvc')).toBe('14,50');
    const index = await cell(grid, 'UBND huyện Mỹ Xuyên', 'index');
    expect(index).toMatch(/^\d{2},\d{2}$/);
    expect(Number(index.replace(',', '.'))).toBeGreaterThan(83.84); // 1,37 more CBCCVC points than before
    expect(await cell(grid, 'UBND huyện Mỹ Xuyên', 'previous')).toBe('83,84');
    expect(await cell(grid, 'UBND huyện Mỹ Xuyên', 'stt')).toBe('1');
    // Not finalised: every results screen says the figures are provisional.
    const status = page.getByTestId('results-status');
    expect(await status.getAttribute('data-state')).toBe('draft');
    expect(await status.textContent()).toContain('Tạm tính');
    expect(await grid.getByRole('row').filter({ hasText: 'TRUNG BÌNH' }).count()).toBe(1);
    const headers = (await grid.getByRole('columnheader').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
    for (const h of [
      'STT',
      'Đơn vị',
      'Điểm chuẩn tối đa',
      'Điểm tự đánh giá',
      'Điểm ĐTXHH',
      'Khảo sát CBCCVC',
      'Chỉ số SIPAS',
      'Tổng điểm đạt được',
      'Chỉ số CCHC 2023',
      'Chỉ số 2022',
    ]) {
      expect(headers).toContain(h);
    }
    await shot(page, 'results-04-table-district');
    await app.screenshot('results-04-table-district-full');
    await page.getByRole('link', { name: 'Điểm theo lĩnh vực' }).click();
    const fields = page.getByTestId('fields-district');
    await fields.waitFor();
    expect(await cell(fields, 'UBND huyện Long Phú', 'f1')).toBe('10,17');
    await app.screenshot('results-05-fields-district');
    await page.getByTestId('tab-all').click();
    await page.getByTestId('all-units').waitFor();
    // Only the 11 districts have a 2022 index: the overall averages are not compared.
    // One unit in group 4 across the 40, as the 2023 report says.
    expect(await page.getByTestId('stat-previous').textContent()).toBe('Trung bình 202277,08% (11/40 đơn vị)');
    await page.getByRole('button', { name: 'Nhóm 4' }).click();
    await expect.poll(() => page.getByTestId('all-count').textContent()).toBe('1/40 đơn vị');
    await shot(page, 'results-06-all-units-group4');
    await page.getByRole('button', { name: 'Tất cả nhóm' }).click();
  });

  it('opens a unit’s index down to sub-criteria, appraisals and evidence, with the what-if', async () => {
    const { page } = app;
    await page.getByTestId('all-units').getByRole('link', { name: 'UBND huyện Long Phú', exact: true }).click();
    await page.getByTestId('drill').waitFor();
    expect(await page.getByTestId('unit-rank').textContent()).toMatch(/^Hạng \d+ trong khối · hạng \d+ toàn tỉnh$/);
    // Field 2 → criterion 2.2 → sub-criterion 2.2.1: the member's appraisal, its comment and evidence.
    await page.locator('tr.r-node[data-code="2"]').click();
    await page.locator('tr.r-node[data-code="2.2"]').click();
    const leaf = page.locator('tr.r-node[data-code="2.2.1"]');
    await leaf.click();
    const detail = page.locator('[data-testid="leaf-detail"][data-code="2.2.1"]');
    await detail.waitFor();
    const appraisal = (await detail.getByTestId('appraisals').innerText()).replace(/\s+/g, ' ');
    expect(appraisal).toMatch(/^0,25 Trần Thị Mỹ Linh “Kế hoạch ban hành trễ 15 ngày so với quy định\.”/);
    expect((await leaf.innerText()).replace(/\s+/g, ' ')).toMatch(/0,5 0,5 0,5 0,25 50,00%/);
    expect(await detail.textContent()).toMatch(/Tài liệu kiểm chứng của đơn vị/);
    expect((await leaf.innerText()).replace(/\s+/g, ' ')).toContain('Điểm thẩm định');
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByTestId('what-if-candidates').waitFor();
    expect(await page.getByTestId('what-if-need').textContent()).toMatch(
      /^Để đạt Nhóm \d \(Chỉ số từ \d{2},\d{2}%\) cần thêm [\d,]+ điểm\.$/,
    );
    await whatIf.getByRole('button', { name: 'Chọn nhóm ít nhất' }).click();
    expect(await page.getByTestId('what-if-projection').textContent()).toMatch(
      /Đã chọn \d+ tiêu chí: thêm [\d,]+ điểm → Chỉ số \d{2},\d{2}%/,
    );
    await app.screenshot('results-07-unit');
    await shot(page, 'results-07-unit-viewport');
  });

  it('draws the charts with the classification bounds and exports one as PNG', async () => {
    const { page } = app;
    await sub(page, 'Biểu đồ');
    await page.getByTestId('chart').waitFor();
    await page.getByRole('link', { name: 'Cấp huyện' }).click();
    await expect
      .poll(() => page.getByTestId('chart').locator('canvas').getAttribute('aria-label'))
      .toBe('Chỉ số CCHC năm 2023: UBND cấp huyện');
    await shot(page, 'results-08-chart-index');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = path.join(SCREENSHOT_DIR, 'results-chart-export.png');
    await download.saveAs(png);
    expect(download.suggestedFilename()).toBe('bieu-do-index-district.png');
    expect([...readFileSync(png).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await page.getByRole('link', { name: 'So với năm trước' }).click();
    await expect
      .poll(() => page.getByTestId('chart').locator('canvas').getAttribute('aria-label'))
      .toBe('Chỉ số CCHC năm 2023 so với năm 2022: UBND cấp huyện');
    await shot(page, 'results-09-chart-yoy');
    await page.getByRole('link', { name: 'Tỷ lệ điểm theo lĩnh vực' }).click();
    await expect
      .poll(() => page.getByTestId('chart').locator('canvas').getAttribute('aria-label'))
      .toMatch(/^Tỷ lệ điểm trung bình theo lĩnh vực/);
    await shot(page, 'results-10-chart-fields');
  });

  it('edits a sentence of the narrative, flagged as edited', async () => {
    const { page } = app;
    await sub(page, 'Nhận xét');
    const s = page.locator('[data-testid="sentence"][data-key="overall.summary"]');
    await s.waitFor();
    await s.getByRole('button', { name: /^Sửa/ }).click();
    const text =
      'Năm 2023, Hội đồng thẩm định đã thẩm định, xác định Chỉ số CCHC của 40 cơ quan, đơn vị trên địa bàn tỉnh Sóc Trăng.';
    await s.getByRole('textbox').fill(text);
    await s.getByRole('button', { name: 'Lưu câu' }).click();
    await expect.poll(() => s.locator('.r-sentence-text').textContent()).toBe(text);
    expect(await s.textContent()).toContain('Đã sửa');
    await shot(page, 'results-11-narrative');
  });

  it('fills the meeting details and prints the minutes as a PDF', async () => {
    const { page } = app;
    await sub(page, 'Văn bản, xuất bảng');
    const form = page.getByTestId('meeting-form');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Bắt đầu: ngày' }).fill('15/03/2024');
    await form.getByRole('textbox', { name: 'Bắt đầu: giờ' }).fill('8:00');
    await form.getByRole('textbox', { name: 'Kết thúc: giờ' }).fill('11:30');
    await form.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng họp số 1, Ủy ban nhân dân tỉnh Sóc Trăng');
    await form.getByRole('textbox', { name: 'Ngày lập biên bản' }).fill('15/03/2024');
    await form.getByRole('checkbox', { name: 'Có mặt: Đỗ Minh Trí' }).uncheck();
    await form.getByRole('textbox', { name: 'Ghi chú (lý do vắng, …): Đỗ Minh Trí' }).fill('đi công tác');
    await form
      .getByRole('textbox', { name: /Kết luận của Hội đồng/ })
      .fill(
        'Thống nhất kết quả thẩm định Chỉ số CCHC năm 2023 của 40 cơ quan, đơn vị.\nGiao Sở Nội vụ hoàn chỉnh báo cáo, trình UBND tỉnh.',
      );
    await form.getByTestId('meeting-save').click();
    await expect.poll(() => form.getByTestId('meeting-save').isDisabled()).toBe(true);
    await app.screenshot('results-12-documents');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('print-minutes').click(),
    ]);
    const pdf = path.join(SCREENSHOT_DIR, 'results-minutes.pdf');
    await download.saveAs(pdf);
    expect(download.suggestedFilename()).toBe('Biên bản họp Hội đồng thẩm định Chỉ số CCHC 2023.pdf');
    await expect.poll(() => page.getByTestId('produced').textContent()).toMatch(/\(\d+ trang\)/);
    await shot(page, 'results-13-printed');

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('BIÊN BẢN');
    expect(flat).toContain(
      'Vào lúc 08 giờ 00 phút, ngày 15 tháng 03 năm 2024, tại Phòng họp số 1, Ủy ban nhân dân tỉnh Sóc Trăng',
    );
    expect(flat).toContain('Sóc Trăng, ngày 15 tháng 3 năm 2024');
    expect(flat).toMatch(/Thành viên vắng mặt: 1 thành viên, gồm: - Đỗ Minh Trí, [^;]*\(lý do: đi công tác\)/);
    expect(flat).toContain('Thống nhất kết quả thẩm định Chỉ số CCHC năm 2023 của 40 cơ quan, đơn vị.');
    expect(flat).toContain(
      'Năm 2023, Hội đồng thẩm định đã thẩm định, xác định Chỉ số CCHC của 40 cơ quan, đơn vị trên địa bàn tỉnh Sóc Trăng.',
    );
    expect(flat).toContain('TRUNG BÌNH');
    // Not finalised: the minutes are a draft, and say so.
    expect(flat).toContain('DỰ THẢO');
    expect(flat).toContain('Hội đồng chưa chốt kết quả');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    // Page 1 and the page of the district table, as images to look at.
    // The district table's row of Mỹ Xuyên: 94,00 | 51,34 | 14,50 (imported) | 14,34 | 80,18 | 85,30 | 83,84 (2022) | +1,46 | 2.
    const districtPage =
      text
        .split('\f')
        .findIndex((p) => p.replace(/\s+/g, ' ').includes('94,00 51,34 14,50 14,34 80,18 85,30 83,84 +1,46 2')) + 1;
    expect(districtPage).toBeGreaterThan(0);
    for (const n of [1, districtPage]) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        String(n),
        '-l',
        String(n),
        '-singlefile',
        pdf,
        path.join(SCREENSHOT_DIR, `results-minutes-page-${n}`),
      ]);
    }
    expect(app.problems).toEqual([]);
  });

  it('prints a preliminary-results notice for one unit and exports the tables as xlsx', async () => {
    const { page } = app;
    const card = page.getByTestId('sheets-card');
    await card
      .getByRole('combobox', { name: 'Loại văn bản' })
      .selectOption({ label: 'Thông báo kết quả thẩm định sơ bộ' });
    await card.getByRole('textbox', { name: 'Hạn gửi lại kết quả lần 2' }).fill('20/03/2024');
    await card.locator('summary').filter({ hasText: 'UBND cấp huyện' }).click();
    await card.getByRole('checkbox', { name: 'UBND huyện Mỹ Xuyên' }).check();
    expect(await card.textContent()).toContain('1 đơn vị đã chọn');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('print-sheets').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Thông báo kết quả thẩm định sơ bộ lần 1 - UBND huyện Mỹ Xuyên - 2023.pdf',
    );
    const pdf = path.join(work, 'thong-bao.pdf');
    await download.saveAs(pdf);
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toMatch(/THÔNG BÁO/);
    expect(flat).toContain('UBND huyện Mỹ Xuyên');
    expect(flat).toContain('20/03/2024');
    await shot(page, 'results-14-sheets');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('Kết quả Chỉ số CCHC 2023.xlsx');
    const file = path.join(work, 'ket-qua.xlsx');
    await xlsx.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(app.problems).toEqual([]);
  });
});
