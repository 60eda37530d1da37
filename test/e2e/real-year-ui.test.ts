/**
 * a real year on two machines (harnesses on their
 * own data folders, one Chromium), every step on the screens.
 *
 *   secretariat: a fresh data folder started as the README says (the demo cycle in it) → first-run
 *   choice "set up a cycle" → its key → the Thiết lập kỳ wizard (departments and communes, legal
 *   bases) → units from an .xlsx (preview, commit) → the roster from a .csv (preview, commit) → the
 *   member's public-key file registered → templates downloaded on Tiếp nhận hồ sơ, filled by the
 *   units (every scoring kind, evidence cited, a lowered benchmark proposed) and taken in for
 *   rounds 1 and 2 with their evidence .zip → survey points → the lowered benchmarks approved →
 *   the cycle package issued;
 *   member: a fresh data folder (demo in it too) → first-run choice "join a real cycle" → his key →
 *   the cycle package received → every unit agreed with its self-assessment → his signed package;
 *   secretariat: the package imported → completeness → finalised → the minutes printed (pdftotext:
 *   the units and the legal bases) — and the indices the member's and the secretariat's results
 *   screens show are the same.
 *
 * Smaller than the CLI journey (test/setup/real-year-cli.test.ts, 120 communes + 20 departments):
 * 6 communes and 3 departments, imported through the file import, so that the screens' per-unit
 * steps (two intakes and an agreement per unit) stay within the test's time on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zipFile } from '../intake/support.ts';
import { COMMUNES, DEPARTMENTS, unitRows, writeCsv, writeXlsx } from '../setup/files.ts';
import { type RealUnit, realUnits, surveyCsv, unitDossier } from '../setup/real-year.ts';
import { openUnit } from './appraise-support.ts';
import { download, openStation, stationsFixture, nav, secretariatStep } from './exchange-support.ts';

const CYCLE = 'can-tho-2025';
const DECISION = 'Quyết định số 100/QĐ-UBND ngày 15/8/2025 của UBND thành phố ban hành Bộ chỉ số CCHC';
const COUNCIL = 'Quyết định số 200/QĐ-UBND ngày 01/12/2025 thành lập Hội đồng thẩm định';
const communes = COMMUNES.slice(0, 6);
const departments = DEPARTMENTS.slice(0, 3);
const UNITS: RealUnit[] = realUnits(communes, departments);
const MEMBER = { name: 'Nguyễn Văn Một', position: 'Phó Giám đốc', agency: 'Sở Tư pháp' };
const SEC_PASS = 'mật khẩu thường trực';

/** The council: a chair, a secretary, and one member appraising all eight fields (so one member's package completes the cycle). */
const ROSTER = [
  ['Họ và tên', 'Chức vụ', 'Cơ quan', 'Vai trò', 'Lĩnh vực'],
  ['Trần Văn Chủ', 'Phó Chủ tịch UBND thành phố', 'UBND thành phố', 'Chủ tịch', ''],
  [MEMBER.name, MEMBER.position, MEMBER.agency, 'Thành viên', '1, 2, 3, 4, 5, 6, 7, 8'],
  ['Võ Thị Thư', 'Trưởng phòng CCHC', 'Sở Nội vụ', 'Thư ký', ''],
];

const fx = stationsFixture();
const { stations, tmp } = fx;

async function setupStep(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Các bước thiết lập kỳ đánh giá' })
    .getByRole('link', { name: label })
    .click();
}
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = r;
  }, route);
}
/** First run: the start choice, then who one is (no roster offered for a real cycle). */
async function firstRun(page: Page, choice: RegExp, who: { name: string; position: string; agency: string }) {
  await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(who.name);
  await page.getByRole('textbox', { name: 'Chức vụ' }).fill(who.position);
  await page.getByRole('textbox', { name: 'Cơ quan' }).fill(who.agency);
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await page.getByTestId('current-member').waitFor();
}

/** At 1366 px the secretariat's navigation (eight entries) ends before the save indicator and the member block. */
async function topBarFits(page: Page): Promise<void> {
  const [links, navRight, endLeft] = await page.evaluate(() => {
    const as = [...document.querySelectorAll('.topbar .nav a')].map((a) => a.getBoundingClientRect().right);
    return [as.length, Math.max(...as), document.querySelector('.topbar-end')!.getBoundingClientRect().left];
  });
  expect(links).toBe(8);
  expect(navRight).toBeLessThanOrEqual(endLeft);
}

/** Index per unit as a results summary table shows it (unit name → "83,84"). */
async function indices(page: Page, groups: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const g of groups) {
    await go(page, `/ket-qua/${g}`);
    const grid = page.getByTestId(`summary-${g}`);
    await grid.waitFor();
    for (const u of UNITS.filter((x) => x.group === g)) {
      const row = grid.getByRole('row').filter({ has: page.getByRole('link', { name: u.name, exact: true }) });
      out[u.name] = ((await row.locator('[col-id="index"]').textContent()) ?? '').trim();
    }
  }
  return out;
}

describe('a real year through the screens: secretariat and member on their own machines', () => {
  it('set-up → intake of both rounds → cycle package → member appraises → merge → finalise → minutes', async () => {
    const files = tmp('cchc-real-ui-files-');
    const sec = await openStation(fx.browser, 'secretariat', tmp('cchc-real-ui-sec-'), { demo: true });
    stations.push(sec);
    const member = await openStation(fx.browser, 'member', tmp('cchc-real-ui-member-'), { demo: true });
    stations.push(member);
    const sp = sec.page;
    const mp = member.page;
    try {
      // 1. The secretariat chooses "set up a cycle"; the wizard asks for its key first.
      await firstRun(sp, /Thiết lập kỳ đánh giá mới/, {
        name: 'Lê Thị Thường Trực',
        position: 'Phó Giám đốc Sở Nội vụ',
        agency: 'Sở Nội vụ thành phố Cần Thơ',
      });
      const gate = sp.getByTestId('secretariat-key-gate');
      await gate.waitFor();
      await gate.getByLabel('Mật khẩu bảo vệ khóa').fill(SEC_PASS);
      await gate.getByLabel('Nhập lại mật khẩu').fill(SEC_PASS);
      await gate.getByRole('button', { name: 'Tạo khóa định danh' }).click();
      const wizard = sp.getByTestId('setup-wizard');
      await wizard.waitFor();
      await wizard.getByLabel('Tên kỳ đánh giá').fill('Chỉ số CCHC năm 2025');
      await wizard.getByLabel('Năm đánh giá').fill('2025');
      await wizard.getByLabel('Tỉnh, thành phố').fill('Cần Thơ');
      await wizard.getByLabel('Quyết định ban hành Bộ chỉ số của UBND tỉnh').fill(DECISION);
      await wizard.getByLabel('Quyết định thành lập Hội đồng thẩm định').fill(COUNCIL);
      for (const g of ['UBND cấp huyện', 'Đơn vị sự nghiệp công lập tỉnh', 'Cơ quan Trung ương đặt tại tỉnh'])
        await wizard.getByRole('checkbox', { name: g }).uncheck();
      await wizard.getByRole('checkbox', { name: 'Sở, ban, ngành tỉnh' }).check();
      await wizard.getByRole('checkbox', { name: 'UBND xã, phường, đặc khu' }).check();
      await wizard.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
      await expect.poll(() => sp.getByTestId(`cycle-${CYCLE}`).textContent()).toContain('Kỳ hiện hành');

      // 2. Units from an .xlsx: preview, then commit.
      await setupStep(sp, 'Cơ quan, đơn vị');
      await sp.getByTestId('units-import').waitFor();
      await sp
        .getByTestId('units-file')
        .setInputFiles(await writeXlsx(path.join(files, 'don-vi.xlsx'), unitRows(communes, departments)));
      await expect.poll(() => sp.getByTestId('units-preview').textContent()).toContain(`${UNITS.length} đơn vị mới`);
      await sp.getByRole('button', { name: `Ghi ${UNITS.length} đơn vị` }).click();
      await sp.getByTestId('setup-units').getByText(`${UNITS.length} đơn vị`, { exact: true }).waitFor();

      // 3. The roster from a .csv.
      await setupStep(sp, 'Hội đồng thẩm định');
      await sp.getByTestId('roster-import').waitFor();
      await sp.getByTestId('roster-file').setInputFiles(writeCsv(files, 'hoi-dong.csv', ROSTER));
      await sp.getByTestId('roster-preview').waitFor();
      await sp.getByRole('button', { name: `Ghi ${ROSTER.length - 1} thành viên` }).click();
      await expect.poll(() => sp.getByTestId('member-row').count()).toBe(ROSTER.length - 1);

      // 4. The member, on his own machine: "join a real cycle", his key, the public-key file to the secretariat.
      await firstRun(mp, /Tham gia kỳ đánh giá thật/, MEMBER);
      const mcard = mp.getByTestId('key-card');
      await mcard.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu của thành viên');
      await mcard.getByLabel('Nhập lại mật khẩu').fill('mật khẩu của thành viên');
      await mcard.getByRole('button', { name: 'Tạo khóa định danh' }).click();
      const memberFp = (await mcard.getByTestId('my-fingerprint').getAttribute('data-fingerprint'))!;
      const pub = await download(mp, mcard.getByRole('button', { name: 'Tải tệp khóa công khai' }), files);

      const mrow = sp.getByTestId('member-row').filter({ hasText: MEMBER.name });
      await mrow.locator('input[type="file"]').setInputFiles(pub.path);
      await expect.poll(() => mrow.locator('.st-fp').first().textContent()).toBe(memberFp);

      // 5. Tiếp nhận hồ sơ: the templates downloaded, filled by the units, both rounds taken in with their evidence.
      await go(sp, '/tiep-nhan');
      await sp.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tự đánh giá' }).waitFor();
      const templates: Record<string, Buffer> = {};
      for (const g of ['department', 'commune'] as const)
        templates[g] = readFileSync((await download(sp, sp.getByTestId(`template-${g}`), files)).path);
      const unitIds = new Map<string, string>();
      for (const o of await sp.getByTestId('intake-unit').locator('option').all()) {
        const v = await o.getAttribute('value');
        const t = (await o.textContent()) ?? '';
        const u = UNITS.find((x) => t.startsWith(`${x.name} (`));
        if (v && u) unitIds.set(u.name, v);
      }
      expect(unitIds.size).toBe(UNITS.length);
      let lowered = 0;
      for (const [i, u] of UNITS.entries()) {
        for (const round of [1, 2] as const) {
          const d = await unitDossier(templates[u.group]!, u, i, round);
          if (round === 1 && d.lowered) lowered += 1;
          const wb = path.join(files, `hs-${i}-lan-${round}.xlsx`);
          writeFileSync(wb, d.workbook);
          const zip = zipFile(
            path.join(files, `minh-chung-${i}-lan-${round}.zip`),
            Object.fromEntries(d.evidence.map((n) => [`minh-chung/${n}`, `%PDF-1.4\n% ${u.name} ${n}\n`])),
          );
          await sp.getByTestId('intake-unit').selectOption(unitIds.get(u.name)!);
          await sp.getByTestId(`intake-round-${round}`).check();
          await sp.getByLabel('Phiếu tự đánh giá (.xlsx)').setInputFiles(wb);
          await sp.getByLabel(/Tài liệu kiểm chứng \(\.zip/).setInputFiles(zip);
          await sp.getByTestId('intake-preview').click();
          await sp.getByTestId('intake-missing-count').filter({ hasText: '0 tệp thiếu' }).waitFor({ timeout: 30_000 });
          await sp.getByTestId('intake-commit').click();
          await sp.getByText(`Đã ghi hồ sơ lần ${round} của ${u.name}`).first().waitFor({ timeout: 30_000 });
        }
      }
      expect(lowered).toBeGreaterThan(0);

      // 6. Survey points (Kết quả → Nhập dữ liệu).
      await go(sp, '/nhap-lieu');
      await sp.getByTestId('survey-import').waitFor();
      const survey = path.join(files, 'dtxhh.csv');
      writeFileSync(survey, surveyCsv(UNITS));
      await sp.getByTestId('survey-file').setInputFiles(survey);
      await sp.getByTestId('survey-import').getByRole('button', { name: 'Xem trước' }).click();
      await sp.getByTestId('survey-preview').waitFor();
      await sp.getByTestId('survey-commit').click();
      await expect
        .poll(() => sp.getByTestId('survey-current').textContent())
        .toContain(`${UNITS.length}/${UNITS.length}`);

      // 7. Tổng hợp: the units' lowered benchmarks approved, the cycle package issued.
      await nav(sp, 'Tổng hợp');
      await secretariatStep(sp, 'Hạ điểm chuẩn');
      const exRows = sp.getByTestId('exemption-row');
      await expect.poll(() => exRows.count()).toBe(lowered);
      for (let k = 0; k < lowered; k++) {
        await exRows.first().getByRole('button', { name: 'Phê duyệt' }).click();
        await sp.getByTestId('exemption-reason').fill('Đúng: năm 2025 không được giao nhiệm vụ');
        // A unit's proposal comes without a legal basis (the template has a reason only): approving gives one.
        await sp.getByRole('button', { name: 'Xác nhận phê duyệt' }).click();
        await expect
          .poll(() => sp.getByTestId('exemption-decide').locator('[data-code]').getAttribute('data-code'))
          .toBe('EXCHANGE_BASIS_REQUIRED');
        await sp.getByTestId('exemption-basis').fill('Công văn số 45/UBND-VP ngày 10/3/2025 giao nhiệm vụ năm 2025');
        await sp.getByRole('button', { name: 'Xác nhận phê duyệt' }).click();
        await expect.poll(() => exRows.count()).toBe(lowered - k - 1);
      }
      await secretariatStep(sp, 'Hội đồng và khóa');
      const secFp = (await sp.getByTestId('key-card').getByTestId('my-fingerprint').getAttribute('data-fingerprint'))!;
      const cyclePkg = await download(
        sp,
        sp.getByTestId('issue-cycle').getByRole('button', { name: 'Phát hành gói kỳ đánh giá' }),
        files,
      );
      expect(cyclePkg.name).toBe(`${CYCLE}_r01.cchc-cycle.tar`);
      await sp.getByTestId('cycle-issued').waitFor();

      // 8. The member receives the package (the secretariat's fingerprint compared), agrees with every unit, hands in.
      await nav(mp, 'Trao đổi');
      const receive = mp.getByTestId('receive-cycle');
      await receive.getByLabel('Nhận gói kỳ đánh giá').setInputFiles(cyclePkg.path);
      const cp = receive.getByTestId('cycle-preview');
      await cp.waitFor({ timeout: 30_000 });
      await cp.getByLabel('Dấu vân tay cơ quan thường trực đọc cho bạn').fill(secFp);
      await cp.getByRole('button', { name: 'Nhận gói' }).click();
      await expect
        .poll(() => receive.getByTestId('cycle-imported').textContent(), { timeout: 30_000 })
        .toContain(`Máy này được liên kết với thành viên ${MEMBER.name}.`);
      for (const u of UNITS) {
        await nav(mp, 'Trang chủ');
        await openUnit(mp, u.name);
        await mp.locator('.field-tabs .field-tab').first().click();
        await mp.getByTestId('agree-rest').click();
        const confirm = mp.getByTestId('agree-confirm');
        await confirm.waitFor();
        await confirm.getByRole('button', { name: /^Đồng ý \(\d+\)$/ }).click();
        await mp
          .getByText(/^Đã lấy điểm tự chấm cho \d+ tiêu chí thành phần/)
          .first()
          .waitFor();
      }
      const memberIndices = await indices(mp, ['department', 'commune']);
      await member.screenshot('real-year-ui-member-results', { viewport: true });
      await nav(mp, 'Trao đổi');
      const send = mp.getByTestId('send-mine');
      const appraisal = await download(mp, send.getByRole('button', { name: 'Xuất gói kết quả thẩm định' }), files);
      await send.getByTestId('send-done').waitFor();

      // 9. The secretariat imports it, sees the cycle complete, finalises.
      await nav(sp, 'Tổng hợp');
      await secretariatStep(sp, 'Nhập kết quả');
      await sp.getByLabel('Nhập kết quả thẩm định').setInputFiles([appraisal.path]);
      await expect.poll(() => sp.getByTestId('import-file').count(), { timeout: 20_000 }).toBe(1);
      await sp.getByTestId('import-commit').click();
      await sp.getByTestId('import-outcomes').locator('[data-status="imported"]').waitFor({ timeout: 30_000 });
      await secretariatStep(sp, 'Mức độ hoàn thành');
      await expect.poll(() => sp.getByTestId('readiness').getAttribute('data-ready')).toBe('true');
      // The real cycle's groups and no demo label (the screens' overview follows the cycle just set up).
      await sp.getByTestId('matrix').getByText('UBND xã, phường, đặc khu (6)').waitFor();
      await topBarFits(sp);
      expect(await sp.getByTestId('demo-label').count()).toBe(0);
      await secretariatStep(sp, 'Chốt kết quả');
      await sp.getByTestId('finalise-reason').fill('Phiên họp Hội đồng thẩm định ngày 20/01/2026');
      await sp.getByRole('button', { name: 'Chốt kết quả…' }).click();
      await sp.getByRole('button', { name: 'Xác nhận chốt kết quả' }).click();
      await sp.getByTestId('snapshot-hash').waitFor({ timeout: 30_000 });

      // 10. The same indices on both machines.
      const secIndices = await indices(sp, ['department', 'commune']);
      expect(Object.keys(secIndices)).toHaveLength(UNITS.length);
      for (const v of Object.values(secIndices)) expect(v).toMatch(/^\d{1,3},\d{2}$/);
      expect(secIndices).toEqual(memberIndices);
      await sec.screenshot('real-year-ui-secretariat-results', { viewport: true });

      // 11. The minutes, printed and read back: every unit, both legal bases, no draft mark.
      await go(sp, '/van-ban');
      await sp.getByTestId('minutes-card').waitFor();
      const [dl] = await Promise.all([
        sp.waitForEvent('download', { timeout: 60_000 }),
        sp.getByTestId('print-minutes').click(),
      ]);
      const pdf = path.join(files, 'bien-ban.pdf');
      await dl.saveAs(pdf);
      const flat = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(flat).toContain('BIÊN BẢN');
      expect(flat).not.toContain('DỰ THẢO');
      expect(flat).toContain('UBND xã, phường, đặc khu');
      expect(flat).toContain('Quyết định số 100/QĐ-UBND');
      expect(flat).toContain('Quyết định số 200/QĐ-UBND');
      for (const u of UNITS) expect(flat, u.name).toContain(u.name);
      for (const s of stations) expect(s.problems).toEqual([]);
    } catch (e) {
      await sec.screenshot('real-year-ui-failed-secretariat', { viewport: true });
      await member.screenshot('real-year-ui-failed-member', { viewport: true });
      console.error(stations.flatMap((s) => s.problems).join('\n'));
      console.error((await sp.locator('main').innerText()).slice(0, 3000));
      throw e;
    }
  }, 900_000);
});
