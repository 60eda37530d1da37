import { describe, expect, it } from 'vitest';
import { completeFirstRun, openApp, SAMPLE_IDENTITY } from './support.ts';
import { appsPerTest } from './apps.ts';

const launch = appsPerTest();

describe('first run', () => {
  it('asks for the identity, validates it in Vietnamese, saves it and remembers it after reload', async () => {
    const app = await launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
    await app.screenshot('01-first-run');

    // Enter on an empty form submits it and shows the Vietnamese errors, focus on the first.
    await page.getByRole('textbox', { name: 'Họ và tên' }).press('Enter');
    await expect.poll(() => page.getByText('Vui lòng nhập họ và tên.').isVisible()).toBe(true);
    expect(await page.getByText('Vui lòng nhập chức vụ.').isVisible()).toBe(true);
    expect(await page.getByText('Vui lòng nhập tên cơ quan.').isVisible()).toBe(true);
    expect(await page.getByText('Vui lòng chọn vai trò.').isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Họ và tên' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    expect(await page.getByRole('textbox', { name: 'Họ và tên' }).getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('02-first-run-errors');

    // Whitespace only is not a name.
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('    ');
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill(SAMPLE_IDENTITY.position);
    await page.getByRole('textbox', { name: 'Chức vụ' }).press('Enter');
    expect(await page.getByText('Vui lòng nhập họ và tên.').isVisible()).toBe(true);
    expect(await page.getByText('Vui lòng nhập chức vụ.').count()).toBe(0);

    await completeFirstRun(page);
    expect(await page.getByTestId('current-member').innerText()).toContain(SAMPLE_IDENTITY.name);
    await expect.poll(() => page.getByTestId('save-indicator').innerText()).toBe('Đã lưu');
    const nav = await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').allInnerTexts();
    expect(nav.slice(0, 3)).toEqual(['Trang chủ', 'Hồ sơ đơn vị', 'Bảng chấm điểm']);
    expect(nav.at(-1)).toBe('Thông tin thành viên');
    // Free entry that matches no roster member: the home says the member may only look.
    await page.getByTestId('read-only-banner').waitFor();
    expect(await page.getByTestId('cycle').innerText()).toContain('Sóc Trăng 2023');
    await app.screenshot('03-home');
    await page.setViewportSize({ width: 900, height: 600 }); // the window's minimum size
    await app.screenshot('03b-home-minimum-window');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${SAMPLE_IDENTITY.name}` }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Họ và tên' }).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('remembers the identity in the data folder across harness restarts, and edits it', async () => {
    const app = await launch();
    await completeFirstRun(app.page, { ...SAMPLE_IDENTITY, role: 'secretariat', name: 'Lê Văn Đức' });
    const dataDir = app.dataDir;
    // close the browser and the server but keep the data folder
    await app.context.close();
    await app.harness.close();

    const again = await openApp({ dataDir, route: '/thanh-vien' });
    try {
      const { page } = again;
      await page.getByRole('heading', { level: 1, name: 'Thông tin thành viên' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe('Lê Văn Đức');
      expect(await page.getByRole('radio', { name: /Cơ quan thường trực/ }).isChecked()).toBe(true);
      expect(await page.getByRole('link', { name: 'Thông tin thành viên' }).getAttribute('aria-current')).toBe('page');
      expect(await page.getByText('Trình duyệt (máy chủ thử nghiệm)').isVisible()).toBe(true);
      await again.screenshot('04-profile');
      await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc Sở');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thông tin thành viên.').waitFor();
      expect(await page.getByTestId('current-member').innerText()).toContain('Giám đốc Sở');
      await again.screenshot('05-profile-saved');
      expect(again.problems).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('shows a start-up failure from the core with its code, and retries', async () => {
    const app = await launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
    const failure = {
      ok: false,
      error: { code: 'DB_OPEN_FAILED', message: 'Không mở được cơ sở dữ liệu “cchc.sqlite”: tệp bị khóa.' },
    };
    await page.route('**/api/session.get', (route) => route.fulfill({ json: failure }));
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Không khởi động được ứng dụng' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('tệp bị khóa');
    expect(await alert.innerText()).toContain('DB_OPEN_FAILED');
    await app.screenshot('07-startup-error');
    await page.unroute('**/api/session.get');
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  });
});
