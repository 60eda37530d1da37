/**
 * The home of a large cycle (Debian Chromium over the harness): 1,200 synthetic units
 * (bench/synthetic.ts). The list paints its first 500 rows and says how many there are;
 * "Hiện thêm" adds 500, "Hiện tất cả" the rest; a search runs over every unit, including
 * those not painted, and starts again from the first page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAsMember, seedRealCycle } from '../../bench/synthetic.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { appsPerTest } from './apps.ts';

const launch = appsPerTest();

describe('the home of a 1,200-unit cycle', () => {
  it('paints 500 rows at a time, searches every unit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-large-'));
    const db = openDatabase(copyDemoStore(dataDir));
    const cycle = seedRealCycle(db, loadDefaultFrameworks(), 1200, { members: 8, merged: false });
    const last = db
      .prepare('SELECT name FROM units WHERE cycle_id = ? ORDER BY sort_order DESC LIMIT 1')
      .pluck()
      .get(cycle.cycleId) as string;
    db.close();
    openAsMember(dataDir, cycle.cycleId, cycle.members[0]!.id);
    const app = await launch({ dataDir, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const rows = page.locator('[data-testid="units"] tr[data-unit]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(500);
    await expect.poll(() => page.getByTestId('units-more').textContent()).toContain('Đang hiện 500/1.200 đơn vị');
    await page.getByRole('button', { name: 'Hiện thêm 500 đơn vị' }).click();
    await expect.poll(() => rows.count()).toBe(1000);
    await page.getByRole('button', { name: 'Hiện tất cả (1.200)' }).click();
    await expect.poll(() => rows.count()).toBe(1200);
    await expect.poll(() => page.getByTestId('units-more').count()).toBe(0);

    // A search over every unit: the last one (never in the first page) is found.
    await page.getByRole('searchbox').fill(last);
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(last);
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => rows.count()).toBe(500);
    await app.screenshot('large-cycle-home');
    expect(app.problems.filter((p) => !p.includes('http 4') && !p.includes('Failed to load resource'))).toEqual([]);
  }, 180_000);
});
