import { describe, expect, it } from '@jest/globals';
import { screenshot, signIn, useConsole } from './support/browser';

const harness = useConsole();

describe('signing in', () => {
  it('shows each role only the pages it may use', async () => {
    const menus: Record<string, string[]> = {};
    const landings: Record<string, string> = {};
    for (const username of ['tiepnhan.vinhhai', 'xuly.vinhhai', 'giamsat.tinh', 'admin', 'quantri.hethong']) {
      const page = await harness().newPage();
      await signIn(page, username);
      landings[username] = new URL(page.url()).pathname;
      menus[username] = await page.getByRole('menu', { name: 'Chức năng' }).getByRole('menuitem').allInnerTexts();
      await screenshot(page, `menu-${username}`);
      await page.context().close();
    }
    expect(menus).toEqual({
      'tiepnhan.vinhhai': ['Tiếp nhận hồ sơ', 'Hồ sơ chờ xử lý tại quầy', 'Trả kết quả', 'Hồ sơ cần xử lý', 'Tra cứu hồ sơ'],
      'xuly.vinhhai': ['Hồ sơ cần xử lý', 'Tra cứu hồ sơ'],
      'giamsat.tinh': ['Báo cáo, thống kê', 'Tra cứu hồ sơ'],
      admin: ['Báo cáo, thống kê', 'Tra cứu hồ sơ', 'Cơ quan, đơn vị', 'Người dùng'],
      'quantri.hethong': ['Báo cáo, thống kê', 'Tra cứu hồ sơ', 'Thủ tục hành chính', 'Lịch làm việc', 'Cơ quan, đơn vị', 'Người dùng'],
    });
    // Each lands on the first page of their day.
    expect(landings).toEqual({ 'tiepnhan.vinhhai': '/tiep-nhan', 'xuly.vinhhai': '/xu-ly', 'giamsat.tinh': '/bao-cao', admin: '/bao-cao', 'quantri.hethong': '/bao-cao' });
  }, 60_000);

  it('says when the session has expired, and brings the officer back where they were', async () => {
    const page = await harness().newPage();
    await signIn(page, 'xuly.vinhhai');
    await page.goto('/ho-so?q=vinh');
    await page.getByTestId('signed-in-user').waitFor();
    // The token the API no longer takes (its lifetime ran out, or the password was changed).
    await page.evaluate(() => localStorage.setItem('motcua.token', 'expired'));
    await page.getByRole('menuitem', { name: 'Hồ sơ cần xử lý' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.');
    await screenshot(page, 'login-expired');
    await page.getByLabel('Tên đăng nhập').fill('xuly.vinhhai');
    await page.getByLabel('Mật khẩu').fill('MotCua@2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/xu-ly');
    // A second tab shares the session.
    const second = await page.context().newPage();
    await second.goto('/ho-so');
    await second.getByTestId('signed-in-user').waitFor();
    await page.context().close();
  }, 30_000);

  it('names an unknown address and a page the role may not open, with the way back', async () => {
    const page = await harness().newPage();
    await signIn(page, 'tiepnhan.vinhhai');
    await page.goto('/khong-co-trang-nay');
    await page.getByText('Không tìm thấy trang này.').waitFor();
    await page.goto('/quan-tri/nguoi-dung');
    await page.getByText('Tài khoản của ông/bà không được dùng trang này.').waitFor();
    await screenshot(page, 'forbidden');
    await page.getByRole('button', { name: 'Về trang chính' }).click();
    await page.waitForURL('**/tiep-nhan');
    await page.context().close();
  }, 30_000);

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
