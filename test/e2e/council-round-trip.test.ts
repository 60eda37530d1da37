/**
 * the council's whole demo round trip in the browser, every machine
 * started as the README says (the harness of `npm run start:browser` on its own data folder,
 * the demo cycle in it) and driven through its screens:
 *
 *   Linh (member, field 2) and the chair (a second member the secretariat assigns to field 2)
 *   make their keys; the secretariat registers them and issues the cycle package; both take it
 *   over their demo. Linh scores UBND huyện Châu Thành in the dossier (a tick, one document
 *   cited at two pages, a lowered benchmark proposed, then "agree with the rest of this field"),
 *   pastes a block of scores into the grid, and exports her signed file (a download); the chair
 *   disagrees with her on 2.1.2 and exports his. The secretariat imports both through its
 *   screen, sees "Tạm tính" and the open conflict flagged (results, drill-down), prints the
 *   minutes (DỰ THẢO), resolves the conflict, approves the lowered benchmark, finalises, prints
 *   the minutes again (the snapshot's hash) and the unit's appraisal sheet (field subtotals
 *   equal to the drill-down's), and issues the cycle package again; Linh receives it and her
 *   results screen shows the secretariat's index and group for every unit.
 *
 * The six other field members' signed packages are imported at the secretariat before the
 * test (weeks of work done elsewhere: exchange-support), and Linh's field 2 outside the units
 * she scores here stands for her earlier work (appraiseEarlier, the screens' own service).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openUnit, row, saved, select, startAs } from './appraise-support.ts';
import {
  TV01,
  TV04,
  appraiseEarlier,
  download,
  openStation,
  secretariatWithOtherPackages,
  type Station,
  stationsFixture,
  nav,
  secretariatStep,
} from './exchange-support.ts';
import { SECRETARY } from './results-support.ts';
import { SCREENSHOT_DIR } from './support.ts';

const CHAU_THANH = 'soc-trang-2023-huyen-chau-thanh';
const NOI_VU = 'soc-trang-2023-so-noi-vu';
const TU_PHAP = 'soc-trang-2023-so-tu-phap';
/** The cells Linh pastes into the grid (2 rows × 2 units), left out of her earlier work. */
const PASTED = [`${NOI_VU}/2.1.1`, `${TU_PHAP}/2.1.1`, `${NOI_VU}/2.1.2`, `${TU_PHAP}/2.1.2`];

const fx = stationsFixture();
const { stations, tmp } = fx;

async function open(name: string, dataDir: string): Promise<Station> {
  const s = await openStation(fx.browser, name, dataDir, { demo: true }); // as `npm run start:browser`
  s.page.setDefaultTimeout(90_000); // three harnesses and their key derivations share one loaded process
  stations.push(s);
  return s;
}

async function resultsTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Các phần của kết quả' }).getByRole('link', { name }).click();
}

/** First run on a demo machine: "explore the demo", then oneself chosen on the roster by name. */
async function startAsNamed(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  const picker = page.getByRole('combobox', { name: 'Tôi là' });
  const label = (await picker.locator('option').allTextContents()).find((t) => t.startsWith(`${name} — `));
  expect(label, name).toBeDefined();
  await startAs(page, label);
}

/** The member's key made on "Trao đổi", its public-key file downloaded. */
async function makeKey(s: Station, passphrase: string, files: string): Promise<{ fingerprint: string; file: string }> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('key-card');
  await card.getByLabel('Mật khẩu bảo vệ khóa').fill(passphrase);
  await card.getByLabel('Nhập lại mật khẩu').fill(passphrase);
  await card.getByRole('button', { name: 'Tạo khóa định danh' }).click();
  const fp = card.getByTestId('my-fingerprint');
  await fp.waitFor();
  const fingerprint = (await fp.getAttribute('data-fingerprint'))!;
  const d = await download(page, card.getByRole('button', { name: 'Tải tệp khóa công khai' }), files);
  return { fingerprint, file: d.path };
}

/** The member takes the secretariat's cycle package after comparing the fingerprint read to him. */
async function receiveCycle(s: Station, file: string, secretariatFingerprint: string, again = false): Promise<void> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('receive-cycle');
  await card.getByLabel('Nhận gói kỳ đánh giá').setInputFiles(file);
  const preview = card.getByTestId('cycle-preview');
  await preview.waitFor({ timeout: 60_000 });
  if (again) {
    // A later revision from the key already trusted: a confirmation instead of the fingerprint.
    await preview.getByRole('checkbox').check();
  } else {
    await preview.getByLabel('Dấu vân tay cơ quan thường trực đọc cho bạn').fill(secretariatFingerprint);
    expect(await preview.getByTestId('cycle-fingerprint-result').textContent()).toMatch(/^Khớp/);
  }
  await preview.getByRole('button', { name: 'Nhận gói' }).click();
  await card.getByTestId('cycle-imported').waitFor({ timeout: 60_000 });
}

async function exportMine(s: Station, files: string): Promise<string> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('send-mine');
  const d = await download(page, card.getByRole('button', { name: 'Xuất gói kết quả thẩm định' }), files);
  await card.getByTestId('send-done').waitFor();
  return d.path;
}

/** Every unit's index and group as the "Tất cả đơn vị" table shows them. */
async function allIndices(page: Page): Promise<Record<string, string>> {
  await page.evaluate(() => {
    location.hash = '#/ket-qua/tat-ca';
  });
  const grid = page.getByTestId('all-units');
  await grid.locator('.ag-row').first().waitFor();
  await expect.poll(() => grid.locator('.ag-row[row-id]').count()).toBe(40);
  return grid
    .locator('.ag-row[row-id]')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('row-id'),
          `${r.querySelector('[col-id="index"]')?.textContent?.trim()} | ${r.querySelector('[col-id="classification"]')?.textContent?.trim()}`,
        ]),
      ),
    );
}

/** The drill-down's points of each field (rows of depth 0). */
async function drillFieldPoints(page: Page, unitId: string): Promise<Record<string, string>> {
  await page.evaluate((id) => {
    location.hash = `#/ket-qua/don-vi/${id}`;
  }, unitId);
  const drill = page.getByTestId('drill');
  await drill.waitFor();
  return drill
    .locator('tr.r-node.depth-0')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.getAttribute('data-code'), r.querySelector('td.r-points')?.textContent?.trim() ?? '']),
      ),
    );
}

async function printMinutes(page: Page, files: string, name: string): Promise<string> {
  await resultsTab(page, 'Văn bản, xuất bảng');
  await page.getByTestId('minutes-card').waitFor();
  const d = await download(page, page.getByTestId('print-minutes'), files);
  const pdf = path.join(files, name);
  execFileSync('cp', [d.path, pdf]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the council’s demo round trip, every machine through its screens', () => {
  it('scores, cites, bulk-agrees, pastes, hands in; imports, flags, resolves, approves, finalises; the same indices everywhere', async () => {
    const files = tmp('cchc-e2e-journey-files-');
    const secDir = tmp('cchc-e2e-journey-sec-');
    secretariatWithOtherPackages(secDir, [TV04, TV01]);
    const linh = await open('linh', tmp('cchc-e2e-journey-linh-'));
    const chair = await open('chair', tmp('cchc-e2e-journey-chair-'));
    const sec = await open('secretariat', secDir);
    const lp = linh.page;
    const cp = chair.page;
    const sp = sec.page;

    // 1. First run on three demo machines: each chooses himself on the demo's roster.
    await startAsNamed(lp, 'Trần Thị Mỹ Linh');
    await startAsNamed(cp, 'Nguyễn Hoàng Minh');
    await startAs(sp, SECRETARY);
    const linhKey = await makeKey(linh, 'mật khẩu của chị Linh', files);
    const chairKey = await makeKey(chair, 'mật khẩu của chủ tịch', files);

    // 2. The secretariat: its key, the chair assigned to field 2, both keys registered, the cycle package issued.
    await nav(sp, 'Tổng hợp');
    const gate = sp.getByTestId('secretariat-key-gate');
    await gate.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu thường trực');
    await gate.getByLabel('Nhập lại mật khẩu').fill('mật khẩu thường trực');
    await gate.getByRole('button', { name: 'Tạo khóa định danh' }).click();
    await sp.getByTestId('roster').waitFor();
    const secFingerprint = (await sp
      .getByTestId('key-card')
      .getByTestId('my-fingerprint')
      .getAttribute('data-fingerprint'))!;
    const rosterRow = (id: string) => sp.locator(`[data-testid="roster"] tr[data-member="${id}"]`);
    await rosterRow(TV01).getByRole('button', { name: 'Phân công' }).click();
    const assign = sp.getByTestId('assign-fields');
    // Field 2 in one group only, then in every group (which covers and locks the group boxes).
    const inDistricts = assign.getByRole('checkbox', { name: 'Lĩnh vực 2, chỉ nhóm UBND cấp huyện' });
    await inDistricts.check();
    await assign.getByRole('checkbox', { name: /Cải cách thể chế/ }).check();
    expect(await inDistricts.isChecked()).toBe(true);
    expect(await inDistricts.isDisabled()).toBe(true);
    await assign.getByLabel(/Căn cứ phân công/).fill('Quyết định số 215/QĐ-HĐTĐ bổ sung thành viên lĩnh vực 2');
    await assign.screenshot({ path: path.join(SCREENSHOT_DIR, 'j00-assign-fields.png'), animations: 'disabled' });
    await assign.getByRole('button', { name: 'Lưu phân công' }).click();
    await expect.poll(() => rosterRow(TV01).locator('.s-field').allTextContents()).toEqual(['2']);
    for (const [id, key] of [
      [TV01, chairKey],
      [TV04, linhKey],
    ] as const) {
      await rosterRow(id).getByRole('button', { name: 'Đăng ký khóa' }).click();
      const panel = sp.getByTestId('register-key');
      await panel.getByLabel(/Đăng ký khóa công khai cho/).setInputFiles(key.file);
      expect(await panel.getByTestId('inspected-fingerprint').getAttribute('data-fingerprint')).toBe(key.fingerprint);
      await panel.getByRole('checkbox', { name: /dấu vân tay khớp/ }).check();
      await panel.getByLabel(/Ghi chú đối chiếu/).fill('Đối chiếu qua điện thoại');
      await panel.getByRole('button', { name: 'Đăng ký khóa' }).click();
      await expect
        .poll(() =>
          rosterRow(id).getByTestId('member-key').locator('[data-fingerprint]').getAttribute('data-fingerprint'),
        )
        .toBe(key.fingerprint);
    }
    const issue = sp.getByTestId('issue-cycle').getByRole('button', { name: 'Phát hành gói kỳ đánh giá' });
    const cycle1 = await download(sp, issue, files);
    await sp.getByTestId('cycle-issued').waitFor();

    // 3. Both members take it over their demo.
    await receiveCycle(linh, cycle1.path, secFingerprint);
    await receiveCycle(chair, cycle1.path, secFingerprint);

    // Linh's earlier work: field 2 of every unit but Châu Thành and the block she pastes below.
    expect(appraiseEarlier(linh.dataDir, TV04, '2', (u) => u !== CHAU_THANH, PASTED)).toBeGreaterThan(200);

    // 4. Linh in the dossier of UBND huyện Châu Thành.
    await nav(lp, 'Trang chủ');
    await openUnit(lp, 'UBND huyện Châu Thành');
    const d212 = await select(lp, '2.1.2');
    await d212.getByRole('button', { name: /^Không đạt/ }).click();
    await d212
      .getByRole('textbox', { name: 'Nhận xét của thành viên' })
      .fill('Dự thảo Nghị quyết chưa đăng tải lấy ý kiến trên Cổng thông tin điện tử của huyện.');
    await d212.getByRole('textbox', { name: 'Nhận xét của thành viên' }).press('Tab');
    await saved(lp);
    // One document cited at two pages of one sub-criterion.
    const d211 = await select(lp, '2.1.1');
    const docSelect = d211.getByRole('combobox', { name: 'Tài liệu' });
    const firstDoc = (await docSelect.locator('option').nth(1).textContent())!;
    for (const p of ['3', '5']) {
      await docSelect.selectOption({ index: 1 });
      await d211.getByRole('textbox', { name: 'Trang' }).fill(p);
      await d211.getByRole('button', { name: 'Thêm dẫn chiếu' }).click();
      await expect.poll(() => d211.getByTestId('my-evidence').textContent()).toContain(`tr. ${p}`);
    }
    await saved(lp);
    expect(await d211.getByTestId('my-evidence').locator('li').count()).toBe(2);
    expect(await d211.getByTestId('my-evidence').textContent()).toContain(firstDoc);
    // A lowered benchmark proposed on 2.3.2.
    const exemption = (await select(lp, '2.3.2')).getByTestId('exemption');
    await exemption.getByRole('button', { name: /Đề nghị hạ điểm chuẩn/ }).click();
    await exemption
      .getByRole('textbox', { name: /Lý do/ })
      .fill('Năm 2023 huyện không có kết quả theo dõi thi hành pháp luật phải xử lý, kiến nghị.');
    await exemption.getByRole('textbox', { name: 'Căn cứ' }).fill('Báo cáo số 12/BC-UBND ngày 05/01/2024');
    await exemption.getByRole('button', { name: 'Hạ điểm chuẩn', exact: true }).click();
    await saved(lp);
    // Out of score and benchmark: nothing "counted meanwhile" is shown beside it.
    await expect.poll(() => exemption.textContent()).toContain('Đã đề nghị');
    expect(await lp.locator('[data-testid="detail"][data-code="2.3.2"]').textContent()).not.toContain(
      'tạm lấy điểm tự chấm',
    );
    // The rest of field 2 agreed with the unit's self-score, in one action.
    await lp.getByTestId('agree-rest').click();
    const confirm = lp.getByTestId('agree-confirm');
    await confirm.waitFor();
    const agreeButton = confirm.getByRole('button', { name: /^Đồng ý \(\d+\)$/ });
    const agreed = Number(/\((\d+)\)/.exec((await agreeButton.textContent())!)![1]);
    expect(agreed).toBeGreaterThan(3);
    await agreeButton.click();
    await lp.getByText(`Đã lấy điểm tự chấm cho ${agreed} tiêu chí thành phần. Ctrl+Z để hoàn tác.`).waitFor();
    await lp.getByTestId('filter-left').click();
    await expect.poll(() => lp.getByTestId('filter-left').textContent()).toBe('Còn lại (còn 0)');
    await lp.getByTestId('filter-left').click();
    expect(await row(lp, '2.1.2').locator('td.c-mine').textContent()).toBe('0');
    await linh.screenshot('j01-linh-dossier-agreed', { viewport: true });

    // 5. A block of scores pasted into the grid (2 sub-criteria × 2 departments), as copied from a spreadsheet.
    await nav(lp, 'Bảng chấm điểm');
    const cell = (code: string, unitId: string) => lp.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${unitId}"]`);
    await cell('2.1.1', NOI_VU).click();
    await lp.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    }, '0,5\t1\r\n1\t1\r\n');
    await lp.getByText('Đã dán 4 ô. Ctrl+Z để hoàn tác.').waitFor();
    await expect.poll(() => cell('2.1.1', NOI_VU).locator('.g-mine').textContent()).toBe('0,5');
    expect(await cell('2.1.2', TU_PHAP).locator('.g-mine').textContent()).toBe('1');
    // The toast covers no cell: the grid ends above it while it shows. One check in the
    // page, while the toast (4 s) is up.
    await lp.waitForFunction(() => {
      const toast = [...document.querySelectorAll('.toast')].find((t) => t.textContent?.includes('Đã dán 4 ô.'));
      const grid = document.querySelector('.ag-root-wrapper');
      return !!toast && !!grid && grid.getBoundingClientRect().bottom <= toast.getBoundingClientRect().top;
    });
    // As the user sees it, the paste's toast still up (the station's screenshot closes toasts first).
    await lp.screenshot({ path: path.join(SCREENSHOT_DIR, 'j02a-linh-grid-paste-toast.png'), animations: 'disabled' });
    await linh.screenshot('j02-linh-grid-pasted', { viewport: true });
    await saved(lp);

    // 6. The chair, now on field 2, scores Châu Thành's 2.1.2 "Đạt": he disagrees with Linh.
    await nav(cp, 'Trang chủ');
    await openUnit(cp, 'UBND huyện Châu Thành');
    await (await select(cp, '2.1.2')).getByRole('button', { name: /^Đạt/ }).click();
    await saved(cp);

    // 7. Both hand in their signed files (downloads).
    const linhFile = await exportMine(linh, files);
    const chairFile = await exportMine(chair, files);

    // 8. The secretariat imports both through its screen.
    await secretariatStep(sp, 'Nhập kết quả');
    await sp.getByLabel('Nhập kết quả thẩm định').setInputFiles([linhFile, chairFile]);
    await expect.poll(() => sp.getByTestId('import-file').count(), { timeout: 30_000 }).toBe(2);
    expect(await sp.getByTestId('import-commit').textContent()).toBe('Nhập 2 tệp');
    await sp.getByTestId('import-commit').click();
    const outcomes = sp.getByTestId('import-outcomes');
    await outcomes.waitFor({ timeout: 30_000 });
    expect(await outcomes.locator('[data-status="imported"]').count()).toBe(2);
    expect(await outcomes.textContent()).toContain('1 ý kiến khác nhau');

    // 9. Results: a draft ("Tạm tính"), the open conflict counted and flagged, never a plain score.
    await nav(sp, 'Kết quả');
    const status = sp.getByTestId('results-status');
    await status.waitFor();
    expect(await status.getAttribute('data-state')).toBe('draft');
    expect(await status.textContent()).toContain('Tạm tính');
    expect(await status.textContent()).toContain(
      '1 tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết',
    );
    await allIndices(sp);
    expect(
      await sp
        .locator(`[data-testid="all-units"] .ag-row[row-id="${CHAU_THANH}"]`)
        .getByTestId('unit-conflicts')
        .count(),
    ).toBe(1);
    await sec.screenshot('j03-sec-results-draft', { viewport: true });
    // The secretariat's eight entries stay clear of the save indicator and the name at 1366 px.
    const navRight = await sp.getByRole('navigation', { name: 'Điều hướng chính' }).evaluate((n) => {
      const last = n.querySelector('li:last-child a')!.getBoundingClientRect();
      return { right: last.right, visible: n.getBoundingClientRect().right };
    });
    const endLeft = await sp.locator('.topbar-end').evaluate((e) => e.getBoundingClientRect().left);
    expect(navRight.right).toBeLessThanOrEqual(endLeft);
    await sp.evaluate((id) => {
      location.hash = `#/ket-qua/don-vi/${id}`;
    }, CHAU_THANH);
    await sp.getByTestId('drill').waitFor();
    await sp.locator('tr.r-node[data-code="2"]').click();
    await sp.locator('tr.r-node[data-code="2.1"]').click();
    const conflictRow = sp.locator('tr.r-node[data-code="2.1.2"]');
    expect(await conflictRow.getByTestId('conflict-chip').textContent()).toContain('Chưa thống nhất');
    expect(await conflictRow.locator('td.r-points').textContent()).toBe('Chưa thống nhất');
    await sec.screenshot('j04-sec-drill-conflict', { viewport: true });

    // 10. The minutes before finalising: a draft.
    const draftMinutes = flat(await printMinutes(sp, files, 'bien-ban-du-thao.pdf'));
    expect(draftMinutes).toContain('DỰ THẢO');

    // 11. The conflict resolved (Linh's value, with a reason), the lowered benchmark approved.
    await nav(sp, 'Tổng hợp');
    await secretariatStep(sp, 'Ý kiến khác nhau');
    const detail = sp.getByTestId('conflict-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-key')).toBe(`${CHAU_THANH}/2.1.2`);
    await detail.getByRole('radio', { name: /Lấy kết quả của Trần Thị Mỹ Linh/ }).check();
    await detail
      .getByTestId('conflict-reason')
      .fill('Hội đồng thống nhất: dự thảo chưa được đăng tải lấy ý kiến theo quy định.');
    await detail.getByRole('button', { name: 'Ghi quyết định' }).click();
    await detail.getByTestId('conflict-resolution').waitFor();
    await secretariatStep(sp, 'Hạ điểm chuẩn');
    const ex = sp.locator(`[data-testid="exemption-row"][data-key="${CHAU_THANH}/2.3.2"]`);
    await ex.getByRole('button', { name: 'Phê duyệt' }).click();
    await sp.getByTestId('exemption-reason').fill('Đúng Báo cáo số 12/BC-UBND');
    await sp.getByRole('button', { name: 'Xác nhận phê duyệt' }).click();
    await sp.getByTestId('exemptions-empty').waitFor();

    // 12. Finalise: ready, then the snapshot's hash.
    await secretariatStep(sp, 'Mức độ hoàn thành');
    const ready = sp.getByTestId('readiness');
    await ready.waitFor();
    await sec.screenshot('j05-sec-completeness', { viewport: true });
    expect(await ready.getAttribute('data-ready')).toBe('true');
    await secretariatStep(sp, 'Chốt kết quả');
    await sp.getByTestId('finalise-reason').fill('Phiên họp Hội đồng thẩm định ngày 15/03/2024');
    await sp.getByRole('button', { name: 'Chốt kết quả…' }).click();
    await sp.getByRole('button', { name: 'Xác nhận chốt kết quả' }).click();
    const hashEl = sp.getByTestId('snapshot-hash');
    await hashEl.waitFor({ timeout: 30_000 });
    const snapshotHash = (await hashEl.getAttribute('data-hash'))!;
    expect(snapshotHash).toMatch(/^[0-9a-f]{64}$/);

    // 13. Final results; the minutes carry the snapshot's hash, no longer a draft.
    await nav(sp, 'Kết quả');
    await expect.poll(() => sp.getByTestId('results-status').getAttribute('data-state')).toBe('final');
    expect(await sp.getByTestId('results-snapshot-hash').textContent()).toBe(snapshotHash);
    const finalMinutes = await printMinutes(sp, files, 'bien-ban.pdf');
    expect(finalMinutes.replace(/\s+/g, '')).toContain(snapshotHash);
    expect(flat(finalMinutes)).not.toContain('DỰ THẢO');
    expect(flat(finalMinutes)).not.toContain('tạm tính');

    // 14. Châu Thành's appraisal sheet: each field's subtotal is the drill-down's.
    const drill = await drillFieldPoints(sp, CHAU_THANH);
    expect(Object.keys(drill)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    await sec.screenshot('j06-sec-drill-final', { viewport: true });
    await resultsTab(sp, 'Văn bản, xuất bảng');
    const sheets = sp.getByTestId('sheets-card');
    await sheets.getByRole('combobox', { name: 'Loại văn bản' }).selectOption({ label: 'Phiếu thẩm định' });
    await sheets.locator('summary').filter({ hasText: 'UBND cấp huyện' }).click();
    await sheets.getByRole('checkbox', { name: 'UBND huyện Châu Thành' }).check();
    const sheetFile = await download(sp, sp.getByTestId('print-sheets'), files);
    const sheetText = execFileSync('pdftotext', ['-layout', sheetFile.path, '-'], { encoding: 'utf8' });
    writeFileSync(path.join(SCREENSHOT_DIR, 'j-sheet.txt'), sheetText);
    writeFileSync(path.join(SCREENSHOT_DIR, 'j-minutes-final.txt'), finalMinutes);
    const sheetFields: Record<string, string> = {};
    for (const line of sheetText.split('\n')) {
      const m = /^\s*([1-8])\s+\D.*?\s(\d+(?:,\d+)?)\s*$/.exec(line);
      if (m && !(m[1]! in sheetFields)) sheetFields[m[1]!] = m[2]!;
    }
    expect(sheetFields).toEqual(drill);

    // 15. The cycle package issued again; Linh takes it, and her results are the secretariat's, unit by unit.
    const secIndices = await allIndices(sp);
    await sec.screenshot('j07-sec-results-final', { viewport: true });
    await nav(sp, 'Tổng hợp');
    await secretariatStep(sp, 'Hội đồng và khóa');
    const cycle2 = await download(sp, issue, files);
    expect(cycle2.name).not.toBe(cycle1.name);
    await receiveCycle(linh, cycle2.path, secFingerprint, true);
    const linhIndices = await allIndices(lp);
    await linh.screenshot('j08-linh-results-after-final', { viewport: true });
    expect(Object.keys(secIndices)).toHaveLength(40);
    expect(linhIndices).toEqual(secIndices);
    // …and they are final there too, with the secretariat's snapshot hash.
    expect(await lp.getByTestId('results-status').getAttribute('data-state')).toBe('final');
    expect(await lp.getByTestId('results-snapshot-hash').textContent()).toBe(snapshotHash);

    for (const s of [linh, chair, sec]) expect(s.problems).toEqual([]);
  }, 600_000);
});
