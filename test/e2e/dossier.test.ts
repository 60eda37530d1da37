/**
 * The unit dossier, driven in Debian Chromium over the harness on the demo cycle: a member
 * (Sở Tư pháp, field 2) ticks, picks a tier, enters figures, cites a document, comments and
 * lowers a benchmark; the totals follow; after a reload everything is still there.
 */
import { describe, expect, it } from 'vitest';
import { appsPerTest } from './apps.ts';
import { callCore, mine, openUnit, row, saved, select, startAs, totals } from './appraise-support.ts';

const launch = appsPerTest();

const VIEWPORT = { width: 1366, height: 768 };

describe('unit dossier', () => {
  it('ticks, picks a tier, enters figures, cites evidence, comments, exempts — totals follow — and a reload finds it all saved', async () => {
    const app = await launch({ viewport: VIEWPORT });
    const { page } = app;
    await startAs(page);
    expect(await page.getByTestId('cycle').textContent()).toContain('Sóc Trăng 2023');
    expect(await page.getByTestId('my-fields').textContent()).toContain('Cải cách thể chế');
    await app.screenshot('10-home-member');

    await openUnit(page, 'Sở Nội vụ');
    const start = await totals(page);
    expect(start).toEqual({ benchmark: '97,5', total: '64,68', index: '66,33%', group: 'Nhóm 3' });
    await app.screenshot('11-dossier');

    // Tick: 2.1.2 was self-assessed 0 → 1; I find it not met.
    let detail = await select(page, '2.1.2');
    expect(await row(page, '2.1.2').locator('.c-self').textContent()).toBe('0 → 1');
    await detail.getByRole('button', { name: /^Không đạt/ }).click();
    await expect.poll(() => mine(page, '2.1.2').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toBe('63,68');
    expect(await page.getByTestId('total-index').textContent()).toBe('65,31%');
    expect(await detail.getByRole('button', { name: /^Không đạt/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await mine(page, '2.1.2').getAttribute('class')).toContain('differs');

    // Tier: 2.1.1 self "Trễ hạn" (0,5); I find it on time.
    detail = await select(page, '2.1.1');
    await detail.getByRole('button', { name: /^Đúng hạn/ }).click();
    await expect.poll(() => mine(page, '2.1.1').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toBe('64,18');

    // Figures: 2.2.2 proportional, declared 1.632/3.200; I count 2.000 of 3.200 → 0,625 of 1.
    detail = await select(page, '2.2.2');
    expect(await detail.locator('.declared').textContent()).toContain('1.632');
    await detail.getByRole('textbox', { name: 'Số đạt (a)' }).fill('2.000');
    await detail.getByRole('textbox', { name: 'Tổng số (b)' }).fill('3200');
    await expect.poll(() => page.getByTestId('my-score').textContent()).toBe('0,625'); // computed here while typing
    expect(await detail.textContent()).toContain('Tỷ lệ: 62,50%');
    await detail.getByRole('textbox', { name: 'Tổng số (b)' }).press('Tab');
    await expect.poll(() => mine(page, '2.2.2').textContent()).toBe('0,625');
    await saved(page);

    // Evidence link: a document of the dossier at page 3, and it opens at that page.
    const docSelect = detail.getByRole('combobox', { name: 'Tài liệu' });
    const firstDoc = (await docSelect.locator('option').nth(1).textContent())!;
    await docSelect.selectOption({ index: 1 });
    await detail.getByRole('textbox', { name: 'Trang' }).fill('3');
    await detail.getByRole('button', { name: 'Thêm dẫn chiếu' }).click();
    const cited = detail.getByTestId('my-evidence');
    await expect.poll(() => cited.textContent()).toContain('tr. 3');
    expect(await cited.textContent()).toContain(firstDoc);
    await saved(page);
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      cited.getByRole('button', { name: /^Mở/ }).first().click(),
    ]);
    expect(popup.url()).toMatch(/\/evidence\/[0-9a-f]{64}\?ticket=[0-9a-f]{48}#page=3$/);
    await popup.close();

    // The same document at a second page: two citations, saved.
    await docSelect.selectOption({ index: 1 });
    await detail.getByRole('textbox', { name: 'Trang' }).fill('5');
    await detail.getByRole('button', { name: 'Thêm dẫn chiếu' }).click();
    await expect.poll(() => cited.textContent()).toContain('tr. 5');
    expect(await cited.textContent()).toContain('tr. 3');
    await saved(page);

    // Comment, saved while typing (debounced) and on leaving the box.
    const comment = detail.getByRole('textbox', { name: 'Nhận xét của thành viên' });
    await comment.fill('Đối chiếu Báo cáo số 8/BC-SNV: 2.000/3.200 văn bản được xử lý.');
    await comment.press('Tab');
    await saved(page);
    expect(await row(page, '2.2.2').locator('.flag-note').count()).toBe(1);

    // Lowered benchmark on 2.3.2 with a reason and a legal basis: benchmark, total and index change.
    const before = await totals(page);
    detail = await select(page, '2.3.2');
    const exemption = detail.getByTestId('exemption');
    await exemption.getByRole('button', { name: /Đề nghị hạ điểm chuẩn/ }).click();
    await exemption
      .getByRole('textbox', { name: /Lý do/ })
      .fill('Năm 2023 đơn vị không có kết quả theo dõi thi hành pháp luật phải xử lý.');
    await exemption.getByRole('textbox', { name: 'Căn cứ' }).fill('Công văn số 15/STP-VP ngày 10/01/2024');
    await exemption.getByRole('button', { name: 'Hạ điểm chuẩn', exact: true }).click();
    await expect.poll(() => page.getByTestId('total-benchmark').textContent()).toBe('97');
    const after = await totals(page);
    expect(after.total).toBe('63,79'); // 64,29 − 0,5 self-score of 2.3.2
    expect(after.index).toBe('65,76%'); // 63,79 / 97
    expect(after).not.toEqual(before);
    expect(await exemption.textContent()).toContain('Đã đề nghị');
    expect(await mine(page, '2.3.2').textContent()).toBe('Hạ ĐC');
    await saved(page);
    await app.screenshot('12-dossier-after-changes');

    // Reload: everything is still there.
    await page.reload();
    await page.getByTestId('criteria').waitFor();
    expect(await totals(page)).toEqual(after);
    expect(await mine(page, '2.1.2').textContent()).toBe('0');
    expect(await mine(page, '2.1.1').textContent()).toBe('1');
    expect(await mine(page, '2.2.2').textContent()).toBe('0,625');
    detail = await select(page, '2.2.2');
    expect(await detail.getByRole('textbox', { name: 'Số đạt (a)' }).inputValue()).toBe('2.000');
    expect(await detail.getByTestId('my-evidence').textContent()).toContain('tr. 3');
    expect(await detail.getByTestId('my-evidence').textContent()).toContain('tr. 5');
    expect(await detail.getByRole('textbox', { name: 'Nhận xét của thành viên' }).inputValue()).toBe(
      'Đối chiếu Báo cáo số 8/BC-SNV: 2.000/3.200 văn bản được xử lý.',
    );
    detail = await select(page, '2.3.2');
    expect(await detail.getByRole('textbox', { name: /Lý do/ }).inputValue()).toContain('không có kết quả theo dõi');
    expect(await detail.getByRole('textbox', { name: 'Căn cứ' }).inputValue()).toBe(
      'Công văn số 15/STP-VP ngày 10/01/2024',
    );

    // The home screen counts my work, by the same rule as the dossier.
    expect(await page.getByTestId('total-appraised').textContent()).toBe('3/9');
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    const unitRow = page.locator('tr[data-unit="soc-trang-2023-so-noi-vu"]');
    await expect.poll(() => unitRow.locator('.progress-text').textContent()).toBe('3/9');
    expect(await unitRow.locator('td').nth(3).textContent()).toBe('1');
    expect(app.problems).toEqual([]);
  });

  it('an invalid figure gives a Vietnamese error and saves nothing; a read-only field cannot be changed', async () => {
    const app = await launch({ viewport: VIEWPORT });
    const { page } = app;
    await startAs(page);
    await openUnit(page, 'Sở Nội vụ');
    const start = await totals(page);

    const detail = await select(page, '2.2.2');
    await detail.getByRole('textbox', { name: 'Số đạt (a)' }).fill('5000');
    await detail.getByRole('textbox', { name: 'Tổng số (b)' }).fill('3200');
    await expect
      .poll(() => detail.getByTestId('figure-error').textContent())
      .toBe('Số đạt (a) không được lớn hơn tổng số (b).');
    expect(await detail.getByRole('textbox', { name: 'Số đạt (a)' }).getAttribute('aria-invalid')).toBe('true');
    await detail.getByRole('textbox', { name: 'Tổng số (b)' }).press('Enter');
    // Shown once, inline next to the figures: no toast repeats it.
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Chưa lưu được');
    expect(await detail.getByTestId('figure-error').textContent()).toBe('Số đạt (a) không được lớn hơn tổng số (b).');
    expect(await page.getByRole('alert').filter({ hasText: 'SCORE_NUMERATOR_EXCEEDS' }).count()).toBe(0);
    expect(await totals(page)).toEqual(start);
    await app.screenshot('13-dossier-invalid-figure');
    const stored = await callCore(page, 'dossier.get', { unitId: 'soc-trang-2023-so-noi-vu' });
    const node = (stored.value as { nodes: { code: string; appraisal: unknown }[] }).nodes.find(
      (n) => n.code === '2.2.2',
    );
    expect(node?.appraisal).toBeNull();

    // Field 1 is not assigned to this member: visible, locked, and the keys change nothing.
    const locked = await select(page, '1.2');
    expect(await locked.getByTestId('lock-reason').textContent()).toContain(
      'Lĩnh vực này không được phân công cho bạn',
    );
    for (const name of [/^Đúng hạn/, /^Trễ hạn/, /^Không thực hiện/])
      expect(await locked.getByRole('button', { name }).isDisabled()).toBe(true);
    expect(await locked.getByRole('textbox', { name: 'Nhận xét của thành viên' }).isDisabled()).toBe(true);
    await row(page, '1.2').focus();
    await page.keyboard.press('1');
    await page.getByText('Lĩnh vực này không được phân công cho bạn: chỉ xem, không chấm.').first().waitFor();
    expect(await mine(page, '1.2').textContent()).toBe('·');
    const direct = await callCore(page, 'appraisal.set', {
      unitId: 'soc-trang-2023-so-noi-vu',
      nodeCode: '1.2',
      input: { tier: 'on_time' },
    });
    expect(direct.error?.code).toBe('FIELD_READ_ONLY');
    await app.screenshot('14-dossier-read-only-field');
    await page.reload();
    await page.getByTestId('criteria').waitFor();
    expect(await totals(page)).toEqual(start);
    expect(app.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });

  it('flags a missing or changed evidence file wherever it is cited, and refuses to open it', async () => {
    const app = await launch({ viewport: VIEWPORT });
    const { page } = app;
    await startAs(page);
    // Tamper with the data folder: one document removed, one altered.
    const view = await callCore(page, 'dossier.get', { unitId: 'soc-trang-2023-so-tu-phap' });
    const nodes = (view.value as { nodes: { code: string; unitEvidence: { sha256: string }[] }[] }).nodes;
    const n211 = nodes.find((n) => n.code === '2.1.1')!;
    const [gone, altered] = [
      n211.unitEvidence[0]!.sha256,
      nodes.find((n) => n.code === '2.2.2')!.unitEvidence[0]!.sha256,
    ];
    const { rmSync, appendFileSync } = await import('node:fs');
    const { evidencePath } = await import('../../electron/core/evidence/files.ts');
    rmSync(evidencePath(app.dataDir, gone));
    if (altered !== gone) appendFileSync(evidencePath(app.dataDir, altered), 'x');

    await openUnit(page, 'Sở Tư pháp');
    expect(await row(page, '2.1.1').locator('.flag-danger').count()).toBe(1);
    const detail = await select(page, '2.1.1');
    const flagged = detail.getByTestId('unit-evidence').locator('.doc-problem');
    expect(await flagged.first().textContent()).toContain('Thiếu tệp');
    expect(await flagged.first().getByRole('button', { name: /^Mở/ }).isDisabled()).toBe(true);
    await app.screenshot('15-dossier-evidence-missing');
    const res = await callCore(page, 'evidence.open', {
      evidenceId: (view.value as { documents: { evidenceId: number; sha256: string }[] }).documents.find(
        (d) => d.sha256 === gone,
      )!.evidenceId,
    });
    expect(res.error?.code).toBe('EVIDENCE_MISSING');
    if (altered !== gone) {
      const d2 = await select(page, '2.2.2');
      expect(await d2.getByTestId('unit-evidence').textContent()).toContain('Tệp đã bị thay đổi');
    }
    expect(app.problems).toEqual([]);
  });
});
