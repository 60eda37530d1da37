/**
 * Issue #5 as a council member: everybody sees the results (tables, drill-down, charts,
 * narrative, meeting details), but imports, narrative edits, meeting details and printing
 * are the secretariat's — the screens say so and the core refuses with SECRETARIAT_ONLY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from './support.ts';
import { callCore } from './appraise-support.ts';
import { JUSTICE_MEMBER, go, startAs } from './results-support.ts';

let app: E2EApp;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1366, height: 768 } });
  await startAs(app.page, JUSTICE_MEMBER);
});
afterAll(async () => {
  await app?.close();
});

describe('results for a member (read only)', () => {
  it('shows the results and the narrative, without edit actions', async () => {
    const { page } = app;
    await go(page, '/ket-qua/public_service_unit');
    const grid = page.getByTestId('summary-public_service_unit');
    await grid.waitFor();
    // The fixture's published table: Ban Quản lý Dự án 2 first with 88,07–88,08 (recomputed from unrounded scores).
    const first = (await grid.getByRole('row').filter({ hasText: 'Ban Quản lý Dự án 2' }).innerText()).replace(
      /\s+/g,
      ' ',
    );
    expect(first).toMatch(/^1 Ban Quản lý Dự án 2 92,00 44,86 21,67 14,50 81,03 88,0[78] Nhóm 2$/);
    await go(page, '/ket-qua/nhan-xet');
    await page.getByTestId('narrative').waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'vai trò' }).textContent()).toContain(
      'chỉ cơ quan thường trực được sửa nhận xét',
    );
    expect(await page.getByRole('button', { name: /^Sửa/ }).count()).toBe(0);
    await app.screenshot('results-member-narrative');
  });

  it('shows imports and documents disabled, and the core refuses them', async () => {
    const { page } = app;
    await go(page, '/nhap-lieu');
    await page.getByTestId('survey-import').waitFor();
    expect(await page.getByTestId('survey-file').isDisabled()).toBe(true);
    await go(page, '/van-ban');
    await page.getByTestId('meeting-form').waitFor();
    expect(await page.getByTestId('print-minutes').isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Địa điểm' }).isDisabled()).toBe(true);
    await app.screenshot('results-member-documents');
    for (const [method, input] of [
      ['documents.minutes', {}],
      ['meeting.save', { location: 'X' }],
      ['results.editNarrative', { key: 'overall.summary', text: 'X' }],
      ['survey.preview', { ticket: '0'.repeat(32) }],
    ] as const) {
      const r = await callCore(page, method, input);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'SECRETARIAT_ONLY' } });
      expect(r.error!.message).toMatch(/^Chỉ cơ quan thường trực/);
    }
    // Exports are for everybody.
    const x = await callCore(page, 'export.tables', { format: 'json' });
    expect(x).toMatchObject({ ok: true, value: { fileName: 'ket-qua-chi-so-cchc-2023.json' } });
    expect(app.problems).toEqual([]);
  });
});
