/**
 * Issue #4 end to end, in Debian Chromium over three harnesses (three machines):
 *
 *   two members (empty data folders) make their keys and hand the public-key files over;
 *   the secretariat (demo cycle; the other field members' signed packages already imported)
 *   assigns the chair to field 2 next to Sở Tư pháp's member, registers both keys after
 *   comparing fingerprints, issues the cycle package; each member imports it (the
 *   secretariat's fingerprint confirmed), appraises UBND huyện Châu Thành in field 2 (they
 *   disagree on 2.1.2; one proposes a lowered benchmark on 2.3.2, and declares a conflict of
 *   interest with her own department), exports the signed package (a download); the
 *   secretariat uploads both, previews, commits, resolves the conflict with a reason,
 *   approves the exemption, sees the completeness matrix ready, finalises (snapshot hash),
 *   and the audit screen's check says the chain is intact.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUnit, saved, select } from './appraise-support.ts';
import {
  TV01,
  TV04,
  appraiseEarlier,
  download,
  firstRunFree,
  openStation,
  secretariatWithOtherPackages,
  type Station,
  stationsFixture,
  nav,
  secretariatStep,
} from './exchange-support.ts';

const CHAU_THANH = 'soc-trang-2023-huyen-chau-thanh';
const SO_TU_PHAP = 'soc-trang-2023-so-tu-phap';
const CHAIR = { name: 'Nguyễn Hoàng Minh', position: 'Phó Chủ tịch UBND tỉnh', agency: 'UBND tỉnh Sóc Trăng' };
const LINH = { name: 'Trần Thị Mỹ Linh', position: 'Phó Giám đốc', agency: 'Sở Tư pháp' };
const SECRETARIAT =
  'Nguyễn Thị Kim Phượng — Trưởng phòng Cải cách hành chính, Thư ký Hội đồng, Sở Nội vụ (Cơ quan thường trực)';

const fx = stationsFixture();
const { stations, tmp } = fx;

async function open(name: string, dataDir: string, demo: boolean): Promise<Station> {
  const s = await openStation(fx.browser, name, dataDir, { demo });
  stations.push(s);
  return s;
}

/** The member's key with a passphrase, and the public-key file downloaded. */
async function makeKey(
  s: Station,
  passphrase: string,
  files: string,
  shot?: string,
): Promise<{ fingerprint: string; file: string }> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('key-card');
  await card.getByLabel('Mật khẩu bảo vệ khóa').waitFor();
  if (shot) await s.screenshot(shot, { viewport: true });
  await card.getByLabel('Mật khẩu bảo vệ khóa').fill(passphrase);
  await card.getByLabel('Nhập lại mật khẩu').fill(passphrase);
  await card.getByRole('button', { name: 'Tạo khóa định danh' }).click();
  const fp = card.getByTestId('my-fingerprint');
  await fp.waitFor();
  const fingerprint = (await fp.getAttribute('data-fingerprint'))!;
  expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const d = await download(page, card.getByRole('button', { name: 'Tải tệp khóa công khai' }), files);
  expect(JSON.parse(readFileSync(d.path, 'utf8'))).toMatchObject({ format: 'cchc-public-key', display: fingerprint });
  return { fingerprint, file: d.path };
}

/** The member receives the cycle package after checking the secretariat's fingerprint. */
async function receiveCycle(s: Station, file: string, secretariatFingerprint: string, expectMe: string): Promise<void> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('receive-cycle');
  const parts: string[] = [];
  const onRequest = (r: { url(): string }) => r.url().endsWith('/api/files.uploadPart') && parts.push(r.url());
  page.on('request', onRequest);
  await card.getByLabel('Nhận gói kỳ đánh giá').setInputFiles(file);
  const preview = card.getByTestId('cycle-preview');
  await preview.waitFor({ timeout: 30_000 });
  page.off('request', onRequest);
  expect(parts.length).toBeGreaterThan(1); // the package (8 MB with its documents) went in parts
  expect(await preview.getByTestId('cycle-signer').getAttribute('data-fingerprint')).toBe(secretariatFingerprint);
  expect(await preview.getByTestId('cycle-me').textContent()).toContain(expectMe);
  const importButton = preview.getByRole('button', { name: 'Nhận gói' });
  expect(await importButton.isDisabled()).toBe(true); // not before the fingerprint is compared
  // The member types what the secretariat read aloud: a wrong one keeps the button disabled.
  const typed = preview.getByLabel('Dấu vân tay cơ quan thường trực đọc cho bạn');
  const wrong = secretariatFingerprint.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  await typed.fill(wrong);
  expect(await preview.getByTestId('cycle-fingerprint-result').textContent()).toMatch(/^KHÔNG khớp/);
  expect(await importButton.isDisabled()).toBe(true);
  await typed.fill(secretariatFingerprint.toLowerCase());
  expect(await preview.getByTestId('cycle-fingerprint-result').textContent()).toMatch(/^Khớp/);
  await importButton.click();
  await card.getByTestId('cycle-imported').waitFor({ timeout: 30_000 });
  expect(await card.getByTestId('cycle-imported').textContent()).toContain(
    `Máy này được liên kết với thành viên ${expectMe}.`,
  );
}

async function exportMine(s: Station, files: string): Promise<string> {
  const { page } = s;
  await nav(page, 'Trao đổi');
  const card = page.getByTestId('send-mine');
  const d = await download(page, card.getByRole('button', { name: 'Xuất gói kết quả thẩm định' }), files);
  await card.getByTestId('send-done').waitFor();
  return d.path;
}

describe('exchange: two members, one secretariat, three machines', () => {
  it('keys → roster → cycle package → appraisals → signed packages → import → conflict → exemption → completeness → finalise → audit', async () => {
    const files = tmp('cchc-e2e-files-');
    const secDir = tmp('cchc-e2e-sec-');
    secretariatWithOtherPackages(secDir, [TV04]);
    const chair = await open('chair', tmp('cchc-e2e-chair-'), false);
    const linh = await open('linh', tmp('cchc-e2e-linh-'), false);

    // 1. Each member tells who he is and makes his key; the public-key files go to the secretariat.
    await firstRunFree(chair.page, CHAIR);
    await firstRunFree(linh.page, LINH);
    const chairKey = await makeKey(chair, 'mật khẩu của chủ tịch', files, '39-exchange-member-no-key');
    const linhKey = await makeKey(linh, 'mật khẩu của chị Linh', files);
    expect(await linh.page.getByTestId('exchange-cycle').textContent()).toContain('Máy này chưa có kỳ đánh giá');
    await linh.screenshot('40-exchange-member-before-cycle');

    // 2. The secretariat: its own key, the chair assigned to field 2, both keys registered after comparing fingerprints, the cycle package issued.
    const sec = await open('secretariat', secDir, true);
    const sp = sec.page;
    await sp.getByRole('combobox', { name: 'Tôi là' }).selectOption({ label: SECRETARIAT });
    await sp.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await sp.getByRole('heading', { level: 1, name: /^Xin chào, / }).waitFor();
    expect(
      await sp.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trao đổi' }).count(),
    ).toBe(0);
    expect(
      await chair.page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Tổng hợp' })
        .count(),
    ).toBe(0);
    await nav(sp, 'Tổng hợp');
    // Claiming the secretariat opens nothing: its steps wait for its key, made (or unlocked) here first.
    await sp.getByTestId('secretariat-key-gate').waitFor();
    expect(await sp.getByTestId('roster').count()).toBe(0);
    const secCard = sp.getByTestId('key-card');
    await secCard.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu thường trực');
    await secCard.getByLabel('Nhập lại mật khẩu').fill('mật khẩu thường trực');
    await secCard.getByRole('button', { name: 'Tạo khóa định danh' }).click();
    await sp.getByTestId('roster').waitFor();
    await secCard.getByTestId('key-unlocked').waitFor();
    const secFingerprint = (await secCard.getByTestId('my-fingerprint').getAttribute('data-fingerprint'))!;

    const row = (id: string) => sp.locator(`[data-testid="roster"] tr[data-member="${id}"]`);
    await row(TV01).getByRole('button', { name: 'Phân công' }).click();
    const assign = sp.getByTestId('assign-fields');
    await assign.getByRole('checkbox', { name: /Cải cách thể chế/ }).check();
    await assign
      .getByLabel(/Căn cứ phân công/)
      .fill('Quyết định số 215/QĐ-HĐTĐ bổ sung thành viên thẩm định lĩnh vực 2');
    await assign.getByRole('button', { name: 'Lưu phân công' }).click();
    await expect.poll(() => row(TV01).locator('.s-field').allTextContents()).toEqual(['2']);

    for (const [id, key] of [
      [TV01, chairKey],
      [TV04, linhKey],
    ] as const) {
      await row(id).getByRole('button', { name: 'Đăng ký khóa' }).click();
      const panel = sp.getByTestId('register-key');
      await panel.getByLabel(/Đăng ký khóa công khai cho/).setInputFiles(key.file);
      // Read aloud and compared: the fingerprint on the secretariat's screen is the member's.
      expect(await panel.getByTestId('inspected-fingerprint').getAttribute('data-fingerprint')).toBe(key.fingerprint);
      if (id === TV04) await sec.screenshot('41-secretariat-register-key');
      await panel.getByRole('checkbox', { name: /dấu vân tay khớp/ }).check();
      await panel.getByLabel(/Ghi chú đối chiếu/).fill('Đối chiếu qua điện thoại');
      await panel.getByRole('button', { name: 'Đăng ký khóa' }).click();
      await expect
        .poll(() => row(id).getByTestId('member-key').locator('[data-fingerprint]').getAttribute('data-fingerprint'))
        .toBe(key.fingerprint);
    }
    // Locked, the key signs nothing; the passphrase opens it again.
    const issue = sp.getByTestId('issue-cycle').getByRole('button', { name: 'Phát hành gói kỳ đánh giá' });
    await secCard.getByRole('button', { name: 'Khóa lại' }).click();
    await expect.poll(() => issue.isDisabled()).toBe(true);
    await secCard.getByLabel('Mật khẩu bảo vệ khóa').fill('sai mật khẩu rồi');
    await secCard.getByRole('button', { name: 'Mở khóa' }).click();
    await expect.poll(() => secCard.locator('[data-code]').getAttribute('data-code')).toBe('EXCHANGE_IDENTITY_LOCKED');
    await sec.screenshot('41b-secretariat-key-locked', { viewport: true });
    await secCard.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu thường trực');
    await secCard.getByRole('button', { name: 'Mở khóa' }).click();
    await secCard.getByTestId('key-unlocked').waitFor();
    const cycleFile = await download(sp, issue, files);
    expect(cycleFile.name).toBe('soc-trang-2023_r01.cchc-cycle.tar');
    await sp.getByTestId('cycle-issued').waitFor();
    await sec.screenshot('42-secretariat-roster');

    // 3. The members receive the cycle package; their installations are linked to the roster by their keys.
    await receiveCycle(chair, cycleFile.path, secFingerprint, 'Nguyễn Hoàng Minh');
    await receiveCycle(linh, cycleFile.path, secFingerprint, 'Trần Thị Mỹ Linh');
    await expect.poll(() => linh.page.getByTestId('exchange-me').textContent()).toContain('2. Cải cách thể chế');
    await nav(chair.page, 'Thông tin thành viên');
    await expect
      .poll(() => chair.page.getByTestId('profile-key').getByTestId('key-registered').textContent())
      .toContain('Nguyễn Hoàng Minh');
    expect(
      await chair.page.getByTestId('profile-key').getByTestId('my-fingerprint').getAttribute('data-fingerprint'),
    ).toBe(chairKey.fingerprint);
    await chair.screenshot('53-profile-key');

    // Earlier work on their own machines: Linh has appraised field 2 everywhere but her own department and Châu Thành's
    // 2.1.2 / 2.3.2; the chair, assigned for her department, has appraised Sở Tư pháp.
    expect(
      appraiseEarlier(linh.dataDir, TV04, '2', (u) => u !== SO_TU_PHAP, [`${CHAU_THANH}/2.1.2`, `${CHAU_THANH}/2.3.2`]),
    ).toBeGreaterThan(200);
    expect(appraiseEarlier(chair.dataDir, TV01, '2', (u) => u === SO_TU_PHAP)).toBeGreaterThan(5);

    // 4. Linh declares a conflict of interest with her own department (the address a dossier can link to preselects it).
    const coi = linh.page.getByTestId('coi');
    await linh.page.evaluate((h) => (location.hash = h), `/trao-doi/xung-dot-loi-ich/${SO_TU_PHAP}`);
    await expect.poll(() => coi.getByLabel('Đơn vị').inputValue()).toBe(SO_TU_PHAP);
    await coi.getByLabel('Lý do khai báo').fill('Tôi là Phó Giám đốc Sở Tư pháp');
    await coi.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
    await coi.locator(`li[data-unit="${SO_TU_PHAP}"]`).waitFor();
    await linh.screenshot('43-exchange-member');

    // 5. They appraise UBND huyện Châu Thành in field 2 and disagree on 2.1.2; Linh proposes a lowered benchmark on 2.3.2.
    await nav(chair.page, 'Trang chủ');
    await openUnit(chair.page, 'UBND huyện Châu Thành');
    await (await select(chair.page, '2.1.2')).getByRole('button', { name: /^Đạt/ }).click();
    await saved(chair.page);
    await nav(linh.page, 'Trang chủ');
    await openUnit(linh.page, 'UBND huyện Châu Thành');
    const d212 = await select(linh.page, '2.1.2');
    await d212.getByRole('button', { name: /^Không đạt/ }).click();
    await d212
      .getByRole('textbox', { name: 'Nhận xét của thành viên' })
      .fill('Dự thảo Nghị quyết chưa đăng tải lấy ý kiến trên Cổng thông tin điện tử của huyện.');
    await d212.getByRole('textbox', { name: 'Nhận xét của thành viên' }).press('Tab');
    await saved(linh.page);
    const exemption = (await select(linh.page, '2.3.2')).getByTestId('exemption');
    await exemption.getByRole('button', { name: /Đề nghị hạ điểm chuẩn/ }).click();
    await exemption
      .getByRole('textbox', { name: /Lý do/ })
      .fill('Năm 2023 huyện không có kết quả theo dõi thi hành pháp luật phải xử lý, kiến nghị.');
    await exemption.getByRole('textbox', { name: 'Căn cứ' }).fill('Báo cáo số 12/BC-UBND ngày 05/01/2024');
    await exemption.getByRole('button', { name: 'Hạ điểm chuẩn', exact: true }).click();
    await saved(linh.page);

    // 6. Signed packages out, as downloads.
    const chairPackage = await exportMine(chair, files);
    const linhPackage = await exportMine(linh, files);
    expect(path.basename(chairPackage)).toBe('soc-trang-2023_soc-trang-2023-tv01_001.cchc-appraisal.json');
    expect(path.basename(linhPackage)).toBe('soc-trang-2023_soc-trang-2023-tv04_001.cchc-appraisal.json');
    await linh.screenshot('44-exchange-member-sent');

    // A copy altered after signing (a score's comment edited by hand).
    const tampered = path.join(files, 'goi-da-bi-sua.cchc-appraisal.json');
    const doc = JSON.parse(readFileSync(linhPackage, 'utf8')) as { payload: { appraisals: { comment: string }[] } };
    doc.payload.appraisals[0]!.comment = 'Sửa sau khi ký';
    writeFileSync(tampered, JSON.stringify(doc));

    // 7. The secretariat uploads all three: a preview per file (the altered one refused, with its code), then the commit.
    await secretariatStep(sp, 'Nhập kết quả');
    await sp.getByLabel('Nhập kết quả thẩm định').setInputFiles([chairPackage, linhPackage, tampered]);
    const previews = sp.getByTestId('import-file');
    await expect.poll(() => previews.count(), { timeout: 20_000 }).toBe(3);
    const refused = sp.locator('[data-testid="import-file"][data-file="goi-da-bi-sua.cchc-appraisal.json"]');
    expect(await refused.getByTestId('file-state').textContent()).toBe('Bị từ chối');
    expect(await refused.getByTestId('file-error').getAttribute('data-code')).toBe('EXCHANGE_BAD_SIGNATURE');
    expect(await refused.getByTestId('file-error').textContent()).toContain(
      'Tệp “goi-da-bi-sua.cchc-appraisal.json” bị từ chối: chữ ký số không khớp với nội dung',
    );
    expect(await sp.getByTestId('import-commit').textContent()).toBe('Nhập 2 tệp');
    const chairCard = sp.locator(`[data-testid="import-file"][data-file="${path.basename(chairPackage)}"]`);
    const linhCard = sp.locator(`[data-testid="import-file"][data-file="${path.basename(linhPackage)}"]`);
    expect(await chairCard.getByTestId('file-member').textContent()).toBe('Nguyễn Hoàng Minh');
    expect(await chairCard.getByTestId('count-added').textContent()).toMatch(/^\d+ Mới$/);
    expect(await linkText(linhCard.getByTestId('count-exemptions'))).toBe('1 Đề nghị hạ điểm chuẩn');
    expect(await linhCard.getByTestId('file-state').textContent()).toBe('Sẽ nhập');
    await sec.screenshot('45-secretariat-import-preview');
    await linhCard.getByText('Xem chi tiết các thay đổi').click();
    await linhCard.locator('.s-changes').scrollIntoViewIfNeeded();
    await sec.screenshot('45b-secretariat-import-preview-rows', { viewport: true });
    await sp.getByTestId('import-commit').click();
    const outcomes = sp.getByTestId('import-outcomes');
    await outcomes.waitFor({ timeout: 20_000 });
    expect(await outcomes.locator('[data-status="imported"]').count()).toBe(2);
    expect(await outcomes.textContent()).toContain('1 ý kiến khác nhau');
    await sec.screenshot('46-secretariat-import-done');

    // A 26 MB package goes up in parts (the screen's limit is the packages' 160 MB ceiling, not
    // one upload's 25 MB); the store's cap for a cycle this size (20 MB) refuses it, naming it.
    const big = path.join(files, 'goi-lon.cchc-appraisal.json');
    writeFileSync(big, readFileSync(chairPackage, 'utf8') + ' '.repeat(26 * 1024 * 1024));
    await sp.getByLabel('Nhập kết quả thẩm định').setInputFiles(big);
    const bigCard = sp.locator('[data-testid="import-file"][data-file="goi-lon.cchc-appraisal.json"]');
    await expect.poll(() => bigCard.count(), { timeout: 30_000 }).toBe(1);
    expect(await bigCard.getByTestId('file-error').getAttribute('data-code')).toBe('EXCHANGE_TOO_LARGE');
    expect(await bigCard.getByTestId('file-error').textContent()).toContain('goi-lon.cchc-appraisal.json');

    // The results before any decision: a draft, the open conflict flagged on the unit and on its
    // sub-criterion, never shown as a plain score.
    await sp.evaluate((id) => {
      location.hash = `#/ket-qua/don-vi/${id}`;
    }, CHAU_THANH);
    await sp.getByTestId('drill').waitFor();
    const resultsStatus = sp.getByTestId('results-status');
    await resultsStatus.waitFor();
    expect(await resultsStatus.getAttribute('data-state')).toBe('draft');
    expect(await resultsStatus.textContent()).toContain(
      '1 tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết',
    );
    expect(await sp.getByTestId('unit-conflicts-note').textContent()).toContain(
      '1 tiêu chí thành phần các thành viên chấm khác nhau',
    );
    await sp.locator('tr.r-node[data-code="2"]').click();
    await sp.locator('tr.r-node[data-code="2.1"]').click();
    expect(await sp.locator('tr.r-node[data-code="2.1.2"]').getByTestId('conflict-chip').textContent()).toContain(
      'Chưa thống nhất',
    );
    await sec.screenshot('46a-results-open-conflict', { viewport: true });
    await nav(sp, 'Tổng hợp');

    // What blocks finalisation now: the new conflict and the pending exemption.
    await secretariatStep(sp, 'Mức độ hoàn thành');
    await sp.getByTestId('readiness').waitFor();
    expect(await sp.getByTestId('stat-conflicts').textContent()).toBe('1Ý kiến khác nhau chưa xử lý');
    expect(await sp.getByTestId('stat-pending').textContent()).toBe('1Đề nghị hạ điểm chuẩn chờ duyệt');
    expect(
      await sp
        .locator(`[data-testid="matrix"] tr[data-unit="${CHAU_THANH}"] [data-field="2"]`)
        .getAttribute('data-complete'),
    ).toBe('false');
    await sec.screenshot('46b-secretariat-completeness-blocked', { viewport: true });

    // 8. The conflict, side by side, resolved with a reason (Linh's value).
    await secretariatStep(sp, 'Ý kiến khác nhau');
    const detail = sp.getByTestId('conflict-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-key')).toBe(`${CHAU_THANH}/2.1.2`);
    expect(await detail.getByTestId('conflict-side').count()).toBe(2);
    expect(await detail.locator(`[data-member="${TV01}"] [data-testid="side-score"]`).textContent()).toBe('0,5');
    expect(await detail.locator(`[data-member="${TV04}"] [data-testid="side-score"]`).textContent()).toBe('0');
    const decide = detail.getByRole('button', { name: 'Ghi quyết định' });
    // The council's own value is scored here as it is entered…
    await detail.getByRole('radio', { name: 'Hội đồng cho điểm khác' }).check();
    await detail.getByTestId('own-value').getByRole('radio', { name: 'Đạt', exact: true }).check();
    expect(await detail.getByTestId('own-score').textContent()).toBe('Điểm: 0,5');
    await sec.screenshot('47a-secretariat-conflict-own-value', { viewport: true });
    // …but the council takes Linh's.
    await detail.getByRole('radio', { name: /Lấy kết quả của Trần Thị Mỹ Linh/ }).check();
    expect(await decide.isDisabled()).toBe(true); // a written reason is required
    await detail
      .getByTestId('conflict-reason')
      .fill('Hội đồng thống nhất: dự thảo chưa được đăng tải lấy ý kiến theo quy định.');
    await sec.screenshot('47-secretariat-conflict');
    await decide.click();
    await detail.getByTestId('conflict-resolution').waitFor();
    expect(await detail.getByTestId('conflict-resolution').textContent()).toContain(
      'theo kết quả của Trần Thị Mỹ Linh',
    );
    await sec.screenshot('48-secretariat-conflict-resolved');

    // 9. The exemption approved.
    await secretariatStep(sp, 'Hạ điểm chuẩn');
    const ex = sp.locator(`[data-testid="exemption-row"][data-key="${CHAU_THANH}/2.3.2"]`);
    await ex.waitFor();
    await sec.screenshot('49-secretariat-exemptions');
    await ex.getByRole('button', { name: 'Từ chối' }).click();
    await sp.getByRole('button', { name: 'Xác nhận từ chối' }).click();
    await expect
      .poll(() => sp.getByTestId('exemption-decide').locator('[data-code]').getAttribute('data-code'))
      .toBe('EXCHANGE_REASON_REQUIRED');
    await sec.screenshot('49a-secretariat-exemption-reject-needs-reason', { viewport: true });
    await sp.getByTestId('exemption-decide').getByRole('button', { name: 'Hủy' }).click();
    await ex.getByRole('button', { name: 'Phê duyệt' }).click();
    await sp.getByTestId('exemption-reason').fill('Đúng Báo cáo số 12/BC-UBND');
    await sp.getByRole('button', { name: 'Xác nhận phê duyệt' }).click();
    await sp.getByTestId('exemptions-empty').waitFor();

    // 10. Completeness: every cell complete, nothing blocks.
    await secretariatStep(sp, 'Mức độ hoàn thành');
    const ready = sp.getByTestId('readiness');
    await ready.waitFor();
    expect(await ready.getAttribute('data-ready')).toBe('true');
    expect(await ready.getByTestId('ready-state').textContent()).toBe('Đủ điều kiện chốt kết quả.');
    expect(await sp.locator('[data-testid="matrix"] [data-complete="false"]').count()).toBe(0);
    expect(
      await sp.locator(`[data-testid="matrix"] tr[data-unit="${CHAU_THANH}"] [data-field="2"]`).textContent(),
    ).toMatch(/^(\d+)\/\1$/);
    await sec.screenshot('50-secretariat-completeness');

    // 11. Finalise: the snapshot's hash.
    await secretariatStep(sp, 'Chốt kết quả');
    await sp.getByTestId('finalise-reason').fill('Phiên họp Hội đồng thẩm định ngày 15/03/2024');
    await sp.getByRole('button', { name: 'Chốt kết quả…' }).click();
    await sp.getByRole('button', { name: 'Xác nhận chốt kết quả' }).click();
    const hash = sp.getByTestId('snapshot-hash');
    await hash.waitFor({ timeout: 20_000 });
    expect(await hash.getAttribute('data-hash')).toMatch(/^[0-9a-f]{64}$/);
    await sp.getByTestId('reopen').waitFor();
    await sec.screenshot('51-secretariat-finalised');
    const firstSnapshot = await hash.getAttribute('data-hash');

    // Reopened with a reason (the snapshot stays), then finalised again.
    await sp.getByTestId('reopen-reason').fill('Sửa sai sót số liệu theo Công văn số 12/SNV-CCHC');
    await sp.getByRole('button', { name: 'Mở lại kỳ đánh giá' }).click();
    await sp.getByTestId('finalise-form').waitFor();
    await sp.getByTestId('finalise-reason').fill('Phiên họp Hội đồng thẩm định ngày 20/03/2024');
    await sp.getByRole('button', { name: 'Chốt kết quả…' }).click();
    await sp.getByRole('button', { name: 'Xác nhận chốt kết quả' }).click();
    await expect.poll(() => hash.getAttribute('data-hash')).not.toBe(firstSnapshot);
    await sp.getByTestId('reopen').waitFor();
    await sec.screenshot('51b-secretariat-finalised-again');
    // The results are final now and carry the snapshot's hash.
    const finalHash = await hash.getAttribute('data-hash');
    await sp.evaluate(() => {
      location.hash = '#/ket-qua/tat-ca';
    });
    await sp.getByTestId('results-status').waitFor();
    await expect.poll(() => sp.getByTestId('results-status').getAttribute('data-state')).toBe('final');
    expect(await sp.getByTestId('results-snapshot-hash').textContent()).toBe(finalHash);
    await nav(sp, 'Tổng hợp');

    // 12. Audit: the chain verifies; filters; an export.
    await secretariatStep(sp, 'Nhật ký');
    await sp.getByTestId('audit-grid').locator('.ag-row').first().waitFor();
    await sec.screenshot('52a-secretariat-audit-all', { viewport: true });
    await sp.getByTestId('verify-chain').click();
    const result = sp.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toMatch(/Chuỗi nhật ký toàn vẹn: [\d.]+ dòng/);
    expect(await result.textContent()).toContain('8 gói kết quả đã lưu: chữ ký và mã băm hợp lệ.');
    expect(await result.textContent()).toContain('2 bản chốt kết quả: mã băm hợp lệ.');
    expect(await result.textContent()).toMatch(/[\d.]+ đầu chuỗi đã ký bằng khóa của cơ quan thường trực/);
    expect(await result.textContent()).toContain('tính lại từ các gói đã ký và nhật ký đều khớp');
    await sp.getByLabel('Hành động').selectOption({ label: 'Xử lý ý kiến khác nhau' });
    await expect.poll(() => sp.getByTestId('audit-count').textContent()).toBe('1 dòng (mới nhất trước)');
    await sp.getByTestId('audit-grid').locator('.ag-row').first().click();
    await sp.getByTestId('audit-detail').waitFor();
    expect(await sp.getByTestId('audit-detail').textContent()).toContain('dự thảo chưa được đăng tải');
    const csv = await download(sp, sp.getByRole('button', { name: 'Xuất CSV' }), files);
    expect(readFileSync(csv.path, 'utf8').split('\r\n')[1]).toContain('conflict.resolve');
    await sec.screenshot('52-secretariat-audit');

    for (const s of [chair, linh, sec]) expect(s.problems).toEqual([]);
  }, 300_000);
});

async function linkText(l: import('playwright-core').Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
