import { describe, expect, it } from '@jest/globals';
import { screenshot, signIn, useConsole } from './support/browser';

const harness = useConsole();

describe('signing in', () => {
  it('shows each role only the pages it may use', async () => {
    const menus: Record<string, string[]> = {};
    for (const username of ['tiepnhan.vinhhai', 'xuly.vinhhai', 'giamsat.tinh', 'admin']) {
      const page = await harness().newPage();
      await signIn(page, username);
      menus[username] = await page.getByRole('menu', { name: 'Chức năng' }).getByRole('menuitem').allInnerTexts();
      await screenshot(page, `menu-${username}`);
      await page.context().close();
    }
    expect(menus).toEqual({
      'tiepnhan.vinhhai': ['Tiếp nhận hồ sơ', 'Hồ sơ trực tuyến, bưu chính', 'Trả kết quả', 'Hồ sơ cần xử lý', 'Tra cứu hồ sơ'],
      'xuly.vinhhai': ['Hồ sơ cần xử lý', 'Tra cứu hồ sơ'],
      'giamsat.tinh': ['Tra cứu hồ sơ', 'Báo cáo, thống kê'],
      admin: ['Tra cứu hồ sơ', 'Báo cáo, thống kê', 'Thủ tục hành chính', 'Lịch làm việc', 'Cơ quan, đơn vị', 'Người dùng'],
    });
  }, 60_000);

  it('tells a wrong password apart, in Vietnamese, and keeps the user out', async () => {
    const page = await harness().newPage();
    await page.goto('/bao-cao');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('giamsat.tinh');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await screenshot(page, 'login-failed');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.context().close();
  }, 30_000);
});
