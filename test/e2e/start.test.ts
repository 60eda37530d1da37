/**
 * First run: the choice between the demo (its own cycle, labelled "Dữ liệu minh
 * họa"), joining a real cycle and setting one up; an empty machine opens on a guide, not on
 * "NO_CYCLE · Thử lại", and can open the demo from there.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_IDENTITY, type E2EApp } from './support.ts';
import { appsPerTest } from './apps.ts';
import { startAs } from './appraise-support.ts';

const launch = appsPerTest();

const VIEWPORT = { width: 1366, height: 768 };
const hash = (a: E2EApp) => a.page.evaluate(() => location.hash);

describe('starting out', () => {
  it('offers the demo, joining a cycle or setting one up; the demo is labelled on every screen', async () => {
    const app = await launch({ viewport: VIEWPORT });
    const { page } = app;
    await page.getByTestId('start-modes').waitFor();
    expect(await page.getByRole('radio', { name: 'Khám phá dữ liệu minh họa' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Tham gia kỳ đánh giá thật' }).isChecked()).toBe(false);
    expect(await page.getByTestId('start-modes').innerText()).toContain('Dữ liệu minh họa');
    await page.getByRole('combobox', { name: 'Tôi là' }).waitFor();
    await app.screenshot('90-first-run-choice');

    // Setting a cycle up: no roster to pick from, the secretariat's role chosen, then the set-up route.
    await page.getByRole('radio', { name: 'Thiết lập kỳ đánh giá mới' }).check();
    expect(await page.getByRole('combobox', { name: 'Tôi là' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: /^Cơ quan thường trực/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Khám phá dữ liệu minh họa' }).check();
    await startAs(page);
    await page.getByTestId('demo-label').waitFor();
    expect(await page.getByTestId('demo-label').innerText()).toMatch(/^Dữ liệu minh họa · /);
    await app.screenshot('92-demo-label');
    expect(app.problems).toEqual([]);
  });

  it('sends the secretariat who sets a cycle up to the set-up route', async () => {
    const app = await launch({ viewport: VIEWPORT });
    const { page } = app;
    await page.getByRole('radio', { name: 'Thiết lập kỳ đánh giá mới' }).check();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Lê Văn Đức');
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Chuyên viên');
    await page.getByRole('textbox', { name: 'Cơ quan' }).fill('Sở Nội vụ');
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await expect.poll(() => hash(app!)).toBe('#/thiet-lap-ky');
    await page.getByTestId('current-member').waitFor();
  });

  it('opens an empty machine on a guide, joins by default, and can open the demo from the guide', async () => {
    const app = await launch({ viewport: VIEWPORT, demo: false });
    const { page } = app;
    await page.getByTestId('start-modes').waitFor();
    expect(await page.getByRole('radio', { name: 'Tham gia kỳ đánh giá thật' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Thành viên Hội đồng/ }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(SAMPLE_IDENTITY.name);
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill(SAMPLE_IDENTITY.position);
    await page.getByRole('textbox', { name: 'Cơ quan' }).fill(SAMPLE_IDENTITY.agency);
    await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await expect.poll(() => hash(app!)).toBe('#/trao-doi');
    await page.getByTestId('receive-cycle').waitFor();

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trang chủ' }).click();
    const guide = page.getByTestId('no-cycle-guide');
    await guide.waitFor();
    expect(await page.getByText('NO_CYCLE').count()).toBe(0);
    expect(await guide.getByRole('link', { name: 'Nhận gói kỳ đánh giá' }).getAttribute('href')).toBe('#/trao-doi');
    expect(await guide.getByRole('link', { name: 'Thiết lập kỳ đánh giá' }).getAttribute('href')).toBe(
      '#/thiet-lap-ky',
    );
    await app.screenshot('91-empty-machine-guide');
    await guide.getByRole('button', { name: 'Mở dữ liệu minh họa' }).click();
    await page.getByTestId('units').waitFor({ timeout: 30_000 });
    await page.getByTestId('demo-label').waitFor();
    expect(await page.getByTestId('cycle').innerText()).toContain('Sóc Trăng 2023');
    expect(app.problems).toEqual([]);
  });
});
