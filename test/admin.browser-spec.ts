import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { selfSignedPkcs12 } from '@motcua/signing';
import { screenshot, signIn, useConsole } from './support/browser';

const harness = useConsole();

/** The administrator, signed in, on one of the menu's pages. */
async function adminOn(menuItem: string): Promise<Page> {
  const page = await harness().newPage();
  await signIn(page, 'quantri.hethong');
  await page.getByRole('menu', { name: 'Chức năng' }).getByRole('menuitem', { name: menuItem }).click();
  return page;
}

/**
 * Picks an option of an antd Select, typing first when the Select searches. On a loaded machine the
 * list may still be moving into place (the dialog zooms in) when it is clicked, so a click that
 * leaves the list open is tried again.
 */
async function choose(page: Page, select: Locator, option: string, typed?: string): Promise<void> {
  const closed = page.locator(`[id="${await select.getAttribute('id')}"][aria-expanded="false"]`);
  await select.click();
  if (typed) await select.fill(typed);
  for (let attempt = 1; ; attempt++) {
    await page.locator('.ant-select-dropdown').getByTitle(option, { exact: true }).click();
    try {
      await closed.waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The error antd shows under a form field (its `<id>_help`), once the field is marked invalid. */
async function fieldError(page: Page, field: Locator): Promise<string> {
  const help = page.locator(`[id="${await field.getAttribute('id')}_help"]`);
  await help.waitFor();
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  return help.innerText();
}

async function apiGet(path: string) {
  return harness()
    .api.http()
    .get(path)
    .set('Authorization', await harness().api.login('quantri.hethong'));
}

describe('users', () => {
  it('creates an officer account through the form and lists it', async () => {
    const page = await adminOn('Người dùng');
    await expect(page.getByRole('row', { name: /tiepnhan\.vinhhai/ }).innerText()).resolves.toContain('Cán bộ tiếp nhận');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Tên đăng nhập').fill('tiepnhan.vinhphuoc');
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Phước');
    await choose(page, dialog.getByLabel('Vai trò'), 'Cán bộ tiếp nhận');
    // Typed without diacritics, as officers do.
    await choose(page, dialog.getByLabel('Cơ quan'), 'Ủy ban nhân dân phường Vĩnh Hải (002.00.31.H56)', 'vinh hai');
    await dialog.getByLabel('Mật khẩu').fill('Vinh-Phuoc-2025');
    await screenshot(page, 'admin-user-form');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản tiepnhan.vinhphuoc').waitFor();

    await page.getByLabel('Tìm người dùng').fill('vinhphuoc');
    await page.getByLabel('Tìm người dùng').press('Enter');
    const row = page.getByRole('row', { name: /tiepnhan\.vinhphuoc/ });
    await expect(row.innerText()).resolves.toMatch(/Nguyễn Thị Phước\s+Cán bộ tiếp nhận\s+Ủy ban nhân dân phường Vĩnh Hải\s+\d{2}\/\d{2}\/\d{4}\s+Hoạt động/);
    await screenshot(page, 'admin-users');

    const stored = await apiGet('/api/users/tiepnhan.vinhphuoc');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ fullName: 'Nguyễn Thị Phước', role: 'RECEPTION', agencyCode: '002.00.31.H56', active: true });
    await harness().api.login('tiepnhan.vinhphuoc', 'Vinh-Phuoc-2025');
    await page.context().close();
  }, 60_000);

  it("shows the API's refusal of a taken username next to the field", async () => {
    const page = await adminOn('Người dùng');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Tên đăng nhập').fill('xuly.vinhhai');
    await dialog.getByLabel('Họ và tên').fill('Người trùng tên');
    await choose(page, dialog.getByLabel('Vai trò'), 'Chuyên viên xử lý');
    await choose(page, dialog.getByLabel('Cơ quan'), 'Ủy ban nhân dân phường Vĩnh Hải (002.00.31.H56)', 'vinh hai');
    await dialog.getByLabel('Mật khẩu').fill('Trung-Ten-2025');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(fieldError(page, dialog.getByLabel('Tên đăng nhập'))).resolves.toBe('Đã được dùng');
    await screenshot(page, 'admin-user-taken');
    const unchanged = await apiGet('/api/users/xuly.vinhhai');
    expect(unchanged.body.fullName).toBe('Lý Văn Công');
    await page.context().close();
  }, 60_000);
});

describe('procedures', () => {
  it('finds a procedure without diacritics and shows its papers and workflow', async () => {
    const page = await adminOn('Thủ tục hành chính');
    await page.getByRole('row', { name: /Chứng thực bản sao/ }).waitFor();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByLabel('Tìm thủ tục').press('Enter');
    await page.getByText('1 thủ tục').waitFor();
    await expect(page.getByRole('row', { name: /1\.001193/ }).innerText()).resolves.toMatch(/Đăng ký khai sinh\s+Hộ tịch\s+Cấp xã/);
    await screenshot(page, 'admin-procedures');

    await page.getByRole('button', { name: 'Đăng ký khai sinh' }).click();
    const drawer = page.getByRole('dialog', { name: /1\.001193/ });
    await drawer.getByText('Tờ khai đăng ký khai sinh', { exact: true }).waitFor();
    await expect(drawer.getByText('Đăng ký khai sinh kết hợp nhận cha, mẹ, con').count()).resolves.toBe(1);
    await screenshot(page, 'admin-procedure');

    await drawer.getByRole('tab', { name: 'Quy trình xử lý' }).click();
    const step = drawer.getByRole('row', { name: /Công chức tư pháp – hộ tịch kiểm tra, ghi sổ/ });
    await expect(step.innerText()).resolves.toMatch(/Công việc\s+Chuyên viên xử lý\s+Cơ quan tiếp nhận hồ sơ\s+0,5 ngày làm việc\s+→ Chủ tịch UBND ký Giấy khai sinh/);
    await screenshot(page, 'admin-procedure-workflow');
    await page.context().close();
  }, 60_000);

  it('lists the problems of an invalid workflow under the editor, and publishes a valid one', async () => {
    const page = await adminOn('Thủ tục hành chính');
    await page.getByRole('button', { name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp' }).click();
    const drawer = page.getByRole('dialog', { name: /2\.000815/ });
    await drawer.getByRole('tab', { name: 'Quy trình xử lý' }).click();
    await drawer.getByRole('button', { name: 'Công bố phiên bản mới' }).click();

    const editor = page.getByRole('dialog', { name: /Công bố phiên bản mới/ });
    const json = editor.getByLabel('Các bước của quy trình (JSON)');
    const steps = JSON.parse(await json.inputValue());
    expect(steps.map((step: { key: string }) => step.key)).toEqual(['chung-thuc', 'ky', 'tra-ket-qua']);

    steps[1].role = 'CHIEF';
    steps[0].next = ['ky-duyet'];
    await json.fill(JSON.stringify(steps, null, 2));
    await editor.getByRole('button', { name: 'Công bố' }).click();
    const problems = editor.getByRole('list', { name: 'Các lỗi của quy trình' });
    await problems.waitFor();
    await expect(problems.getByRole('listitem').allInnerTexts()).resolves.toEqual(['steps[1].role: Vai trò không hợp lệ: CHIEF', "steps[0].next[0]: Không có bước 'ky-duyet'"]);
    await problems.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-workflow-invalid');
    const unchanged = await apiGet('/api/procedures/2.000815');
    expect(unchanged.body.workflows.map((workflow: { version: number }) => workflow.version)).toEqual([1]);

    steps[1].role = 'LEADER';
    steps[0].next = ['ky'];
    steps[0].budget = { amount: 3, unit: 'working_hours' };
    await json.fill(JSON.stringify(steps, null, 2));
    await editor.getByRole('button', { name: 'Công bố' }).click();
    await page.getByText('Đã công bố phiên bản 2 của quy trình').waitFor();
    await drawer.getByTitle('Phiên bản 2 (đang áp dụng)').waitFor();
    await expect(drawer.getByRole('row', { name: /Đối chiếu và chứng thực/ }).innerText()).resolves.toContain('3 giờ làm việc');
    const published = await apiGet('/api/procedures/2.000815/workflow-versions/2');
    expect(published.body.steps[0].budget).toEqual({ amount: 3, unit: 'working_hours' });
    await screenshot(page, 'admin-workflow-published');
    await page.context().close();
  }, 60_000);
});

describe('procedure form', () => {
  it('adds a procedure with its papers and fee, refusing a code in use next to the field, then changes it', async () => {
    const page = await adminOn('Thủ tục hành chính');
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm thủ tục hành chính' });
    await form.getByLabel('Mã thủ tục').fill('1.001193');
    await form.getByLabel('Tên thủ tục').fill('Cấp bản sao trích lục hộ tịch');
    await form.getByLabel('Lĩnh vực').fill('Hộ tịch');
    await choose(page, form.getByLabel('Cấp thực hiện'), 'Cấp xã');
    await choose(page, form.getByLabel('Cơ quan chủ trì'), 'Ủy ban nhân dân');
    await form.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await form.getByLabel('Mã giấy tờ 1').fill('to-khai');
    await form.getByLabel('Tên giấy tờ 1').fill('Tờ khai cấp bản sao trích lục hộ tịch');
    await form.getByRole('button', { name: 'Thêm khoản phí' }).click();
    await form.getByLabel('Tên khoản phí 1').fill('Phí cấp bản sao trích lục');
    await form.getByLabel('Mức thu 1').fill('8000');
    await form.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await expect(fieldError(page, form.getByLabel('Mã thủ tục'))).resolves.toBe('Đã được dùng');
    await screenshot(page, 'admin-procedure-taken');

    await form.getByLabel('Mã thủ tục').fill('1.999001');
    await form.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await page.getByText('Đã thêm thủ tục 1.999001').waitFor();
    const drawer = page.getByRole('dialog', { name: /1\.999001/ });
    await drawer.getByText('Tờ khai cấp bản sao trích lục hộ tịch').waitFor();
    await expect(drawer.getByRole('row', { name: /Phí cấp bản sao trích lục/ }).innerText()).resolves.toContain('8.000 đồng');
    const created = await apiGet('/api/procedures/1.999001');
    expect(created.body).toMatchObject({
      name: 'Cấp bản sao trích lục hộ tịch',
      level: 'commune',
      legalTime: { amount: 1, unit: 'working_days' },
      documents: [{ key: 'to-khai', name: 'Tờ khai cấp bản sao trích lục hộ tịch', originals: 1, copies: 0, mandatory: true }],
      fees: [{ name: 'Phí cấp bản sao trích lục', amount: 8000 }],
      leadAgencyKind: 'PEOPLES_COMMITTEE',
      active: true,
    });

    await drawer.getByRole('button', { name: 'Sửa thông tin' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa thủ tục 1.999001' });
    await edit.getByLabel('Thời hạn giải quyết: số lượng').fill('2');
    await screenshot(page, 'admin-procedure-form');
    await edit.getByRole('button', { name: 'Lưu thủ tục' }).click();
    await page.getByText('Đã lưu thủ tục 1.999001').waitFor();
    await drawer.getByText('2 ngày làm việc').waitFor();
    const changed = await apiGet('/api/procedures/1.999001');
    expect(changed.body.legalTime).toEqual({ amount: 2, unit: 'working_days' });
    expect(changed.body.fees).toEqual([{ name: 'Phí cấp bản sao trích lục', amount: 8000 }]);
    await page.context().close();
  }, 60_000);
});

describe('calendar', () => {
  it('shows the 2025 Tết holidays, and keeps an added day off after a reload', async () => {
    const page = await adminOn('Lịch làm việc');
    const year = page.getByRole('textbox', { name: 'Năm' });
    await year.click();
    await year.fill('2025');
    await year.press('Enter');
    await expect(page.getByRole('row', { name: /29\/01\/2025/ }).innerText()).resolves.toMatch(/Thứ tư, 29\/01\/2025\s+Nghỉ lễ, Tết\s+Tết Nguyên đán/);
    await expect(page.getByTitle('29/01/2025: Tết Nguyên đán').count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('row', { name: /08\/02\/2025/ })
        .first()
        .innerText(),
    ).resolves.toContain('Thứ bảy, 08/02/2025');
    await screenshot(page, 'admin-calendar-2025');

    await page.getByRole('button', { name: 'Thêm ngày điều chỉnh' }).click();
    const rows = await page.getByLabel(/^Ngày điều chỉnh \d+$/).count();
    const date = page.getByLabel(`Ngày điều chỉnh ${rows}`);
    await date.click();
    await date.fill('01/12/2025');
    await date.press('Enter');
    await page.getByLabel(`Lý do điều chỉnh ${rows}`).fill('Nghỉ kỷ niệm ngày thành lập tỉnh');
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu điều chỉnh lịch năm 2025').waitFor();

    const stored = await apiGet('/api/calendar/2025');
    expect(stored.body.overrides).toContainEqual({ date: '2025-12-01', kind: 'day_off', reason: 'Nghỉ kỷ niệm ngày thành lập tỉnh' });
    expect(stored.body.nonWorkingDays).toContainEqual({ date: '2025-12-01', kind: 'override', label: 'Nghỉ kỷ niệm ngày thành lập tỉnh' });

    await page.reload();
    await expect(page.getByRole('row', { name: /^Thứ hai, 01\/12\/2025/ }).innerText()).resolves.toMatch(/Thứ hai, 01\/12\/2025\s+Nghỉ theo điều chỉnh\s+Nghỉ kỷ niệm ngày thành lập tỉnh/);
    await expect(page.getByLabel(`Lý do điều chỉnh ${rows}`).inputValue()).resolves.toBe('Nghỉ kỷ niệm ngày thành lập tỉnh');
    await screenshot(page, 'admin-calendar-saved');
    await page.context().close();
  }, 60_000);

  it('shows the refusal of a date entered twice against its row', async () => {
    const page = await harness().newPage();
    await signIn(page, 'quantri.hethong');
    await page.goto('/quan-tri/lich?nam=2025');
    await page.getByRole('button', { name: 'Thêm ngày điều chỉnh' }).click();
    await page.getByRole('button', { name: 'Thêm ngày điều chỉnh' }).click();
    const rows = await page.getByLabel(/^Ngày điều chỉnh \d+$/).count();
    for (const row of [rows - 1, rows]) {
      const date = page.getByLabel(`Ngày điều chỉnh ${row}`);
      await date.click();
      await date.fill('26/12/2025');
      await date.press('Enter');
      await page.getByLabel(`Lý do điều chỉnh ${row}`).fill('Nghỉ trùng ngày');
    }
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(fieldError(page, page.getByLabel(`Ngày điều chỉnh ${rows}`))).resolves.toBe('Đã được dùng');
    await screenshot(page, 'admin-calendar-twice');
    const stored = await apiGet('/api/calendar/2025');
    expect(stored.body.overrides.map((override: { date: string }) => override.date)).not.toContain('2025-12-26');
    await page.context().close();
  }, 60_000);
});

describe('agencies', () => {
  it('lists the demo agencies and refuses a code already in use next to the field', async () => {
    const page = await adminOn('Cơ quan, đơn vị');
    await page.getByText('15 cơ quan').waitFor();
    const codes = await page.getByRole('row').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent).filter(Boolean));
    expect(codes).toEqual(expect.arrayContaining(['000.00.00.H56', '000.00.14.H56', '001.00.20.H56', '002.00.31.H56', '001.00.37.H56']));
    expect(codes).toHaveLength(15);
    await expect(page.getByRole('row', { name: /002\.00\.31\.H56/ }).innerText()).resolves.toMatch(/Ủy ban nhân dân\s+Cấp xã\s+Phường Vĩnh Hải\s+Ủy ban nhân dân thành phố Nha Trang\s+Đang hoạt động/);
    await screenshot(page, 'admin-agencies');

    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await dialog.getByLabel('Mã định danh').fill('000.00.12.H56');
    await choose(page, dialog.getByLabel('Địa bàn'), 'Tỉnh Khánh Hòa', 'khanh hoa');
    await dialog.getByLabel('Tên cơ quan').fill('Sở trùng mã');
    await choose(page, dialog.getByLabel('Loại cơ quan'), 'Sở, phòng chuyên môn');
    await dialog.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await expect(fieldError(page, dialog.getByLabel('Mã định danh'))).resolves.toBe('Đã được dùng');
    await screenshot(page, 'admin-agency-taken');
    await page.context().close();
  }, 60_000);

  it("shows an agency's signing certificate, names a wrong passphrase, and installs a new one", async () => {
    const page = await adminOn('Cơ quan, đơn vị');
    await page.getByRole('button', { name: 'Chữ ký số của Ủy ban nhân dân phường Vĩnh Hải' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chữ ký số của Ủy ban nhân dân phường Vĩnh Hải' });
    await expect(dialog.getByRole('row', { name: /Chủ thể/ }).innerText()).resolves.toMatch(/CN=Uy ban nhan dan phuong Vinh Hai, O=motcua demo, C=VN/);
    await dialog.getByText('Còn hiệu lực').waitFor();
    await screenshot(page, 'admin-signing-key');

    const key = { name: 'ubnd-vinh-hai.p12', mimeType: 'application/x-pkcs12', buffer: selfSignedPkcs12('UBND phuong Vinh Hai (chung thu moi)', 'mật khẩu', new Date('2026-01-01T00:00:00Z')) };
    await dialog.locator('input[type=file]').setInputFiles(key);
    await dialog.getByLabel('Mật khẩu của tệp khóa').fill('sai');
    await dialog.getByRole('button', { name: 'Cài đặt chứng thư số' }).click();
    await expect(fieldError(page, dialog.getByLabel('Mật khẩu của tệp khóa'))).resolves.toBe('mật khẩu của tệp khóa không đúng');
    await dialog.getByLabel('Mật khẩu của tệp khóa').fill('mật khẩu');
    await dialog.getByRole('button', { name: 'Cài đặt chứng thư số' }).click();
    await page.getByText('Đã cài đặt chứng thư số cho Ủy ban nhân dân phường Vĩnh Hải').waitFor();
    await expect(dialog.getByRole('row', { name: /Chủ thể/ }).innerText()).resolves.toMatch(/CN=UBND phuong Vinh Hai \(chung thu moi\)/);
    await page.context().close();
  }, 60_000);
});
