/**
 * Fields per unit group in the member's screens (Debian Chromium over the harness, demo
 * store): Trần Thị Mỹ Linh appraises field 2 of the districts only. The roster picker and
 * the home page say so; a district's dossier lets her score field 2, a department's shows
 * it read-only, and the core refuses a save there.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemoStore } from '../demo-seed.ts';
import { callCore, openUnit, startAs } from './appraise-support.ts';
import { appsPerTest } from './apps.ts';

const launch = appsPerTest();

describe('fields per unit group (member screens)', () => {
  it('scores field 2 in a district and shows it read-only in a department', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-fields-'));
    const db = new Database(copyDemoStore(dataDir));
    db.prepare("UPDATE member_fields SET grp = 'district' WHERE member_id = 'soc-trang-2023-tv04'").run();
    db.close();
    const app = await launch({ dataDir, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startAs(page, 'Trần Thị Mỹ Linh — Phó Giám đốc, Sở Tư pháp (lĩnh vực 2 ở UBND cấp huyện)');
    await expect
      .poll(() => page.getByTestId('my-fields').textContent())
      .toMatch(/Cải cách thể chế.*\(UBND cấp huyện\)/);
    await app.screenshot('fields-per-group-home');

    await openUnit(page, 'Sở Nội vụ');
    await expect.poll(() => page.locator('.field-tab[data-field="2"]').getAttribute('class')).toContain('is-readonly');
    const refused = await callCore(page, 'appraisal.set', {
      unitId: 'soc-trang-2023-so-noi-vu',
      nodeCode: '2.1.2',
      input: { met: false },
      comment: '',
      evidence: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FIELD_READ_ONLY' } });

    await page.goBack();
    await openUnit(page, 'UBND huyện Châu Thành');
    await expect.poll(() => page.locator('.field-tab[data-field="2"]').getAttribute('class')).toContain('is-mine');
    await app.screenshot('fields-per-group-district');
    expect(app.problems.filter((p) => !p.includes('http 4') && !p.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);
});
