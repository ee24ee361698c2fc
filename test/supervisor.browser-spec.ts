import { readFile } from 'node:fs/promises';
import { describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot, signIn, useConsole } from './support/browser';
import { fileDossier, freezeClock, landDossier, todayInVietnam } from './support/dossiers';
import { resolveLandDossier } from './support/steps';
import { eventually } from './support/worker';

const harness = useConsole();

/** Today in Vietnam, and the dashboard's default period: this year to today. */
const today = todayInVietnam();
const THIS_YEAR = { from: `${today.slice(0, 4)}-01-01`, to: today };

const file = async (counter: string) => (await fileDossier(harness().api, landDossier(), counter)).code as string;

type Line = Record<string, number | string | null>;

/** The API's report for the query the page shows. */
async function report(query: Record<string, string>): Promise<{ rows: Line[]; totals: Line }> {
  const response = await harness()
    .api.http()
    .get('/api/reports/timeliness')
    .query({ ...THIS_YEAR, ...query })
    .set('Authorization', await harness().api.login('giamsat.tinh'));
  expect(response.status).toBe(200);
  return response.body;
}

const count = (value: number | string | null) => Number(value).toLocaleString('vi-VN');
const percent = (rate: number | string | null) => (rate === null ? '–' : `${(Number(rate) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);

/** The four headline figures as the page shows them. */
async function headlines(page: Page): Promise<string[]> {
  const titles = ['Tổng số hồ sơ tiếp nhận', 'Đã giải quyết', 'Tỷ lệ giải quyết đúng hạn', 'Đang giải quyết quá hạn'];
  return Promise.all(titles.map(async (title) => (await page.getByRole('group', { name: title }).innerText()).replace(title, '').replace(/\s+/g, '')));
}

const expectedHeadlines = (totals: Line) => [count(totals.received), count(totals.resolved), percent(totals.onTimeRate), count(totals.overdue)];

describe('the supervisor dashboard', () => {
  it('a supervisor drilling from province to commune to a late dossier', async () => {
    // Last year Phường Vĩnh Hải received a dossier that is still open: its appointment has long passed.
    const lastYear = Number(today.slice(0, 4)) - 1;
    freezeClock(harness().api, `${lastYear}-06-02 09:00`);
    const overdue = await file('tiepnhan.vinhhai');
    jest.restoreAllMocks();
    // This year: one dossier resolved early at Phường Lộc Thọ, one open within its deadline at Phường Vĩnh Hải.
    const early = await file('tiepnhan.loctho');
    await file('tiepnhan.vinhhai');
    // Resolved well before its appointment.
    await resolveLandDossier(harness().api, early);

    const page = await harness().newPage();
    await signIn(page, 'giamsat.tinh');
    await page.goto('/bao-cao');

    // The province, by district: the figures are the API's for the same query.
    const province = await report({ groupBy: 'district' });
    await page.getByRole('button', { name: 'Thành phố Nha Trang', exact: true }).waitFor();
    expect(await headlines(page)).toEqual(expectedHeadlines(province.totals));
    const nhaTrang = province.rows.find((row) => row.key === '56.568')!;
    expect(nhaTrang).toMatchObject({ carriedOver: 1, received: 3, resolved: 1, early: 1, overdue: 1, withinDeadline: 1 });
    expect(await page.getByRole('button', { name: 'Quá hạn (đang giải quyết), Thành phố Nha Trang' }).innerText()).toBe(count(nhaTrang.overdue));
    expect(await page.getByRole('button', { name: 'Kỳ trước chuyển sang, Thành phố Nha Trang' }).innerText()).toBe(count(nhaTrang.carriedOver));
    await expect(page.getByRole('navigation', { name: 'Cấp đơn vị đang xem' }).innerText()).resolves.toBe('Tỉnh Khánh Hòa');
    await screenshot(page, 'supervisor-province');

    // Nha Trang, by commune.
    await page.getByRole('button', { name: 'Thành phố Nha Trang', exact: true }).click();
    await page.getByRole('button', { name: 'Phường Vĩnh Hải', exact: true }).waitFor();
    const district = await report({ groupBy: 'commune', unit: '568' });
    expect(await headlines(page)).toEqual(expectedHeadlines(district.totals));
    expect(district.rows.map((row) => row.label)).toEqual(['Phường Vĩnh Hải', 'Phường Lộc Thọ']);
    expect(await page.getByRole('button', { name: 'Đã giải quyết, Phường Lộc Thọ' }).innerText()).toBe('1');
    await expect(page.getByRole('navigation', { name: 'Cấp đơn vị đang xem' }).innerText()).resolves.toMatch(/Tỉnh Khánh Hòa\s*\/\s*Thành phố Nha Trang/);
    await screenshot(page, 'supervisor-district');

    // Vĩnh Hải, by procedure.
    await page.getByRole('button', { name: 'Phường Vĩnh Hải', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Thủ tục' }).waitFor();
    await page.getByRole('button', { name: 'Quá hạn (đang giải quyết), Tổng cộng' }).waitFor();
    const commune = await report({ groupBy: 'procedure', unit: '22330' });
    expect(await headlines(page)).toEqual(expectedHeadlines(commune.totals));
    expect(commune.totals).toMatchObject({ received: 2, overdue: 1, withinDeadline: 1 });
    await screenshot(page, 'supervisor-commune');

    // The overdue figure lists the dossier behind it, with a link to it.
    await page.getByRole('button', { name: 'Quá hạn (đang giải quyết), Tổng cộng' }).click();
    const drawer = page.getByRole('dialog', { name: 'Quá hạn (đang giải quyết)' });
    const link = drawer.getByRole('link', { name: overdue });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/ho-so/${encodeURIComponent(overdue)}`);
    const listed = await drawer.getByRole('row').filter({ hasText: overdue }).innerText();
    expect(listed).toContain('Nguyễn Thị Hồng Thủy');
    expect(listed).toContain('Quá hạn');
    expect(await drawer.getByRole('link').count()).toBe(1);
    await screenshot(page, 'supervisor-dossiers');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The XLSX holds what the screen shows: Vĩnh Hải by procedure, the totals last.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống Excel' }).click()]);
    expect(saved.suggestedFilename()).toBe(`bao-cao-22330-thu-tuc-${THIS_YEAR.from}-${THIS_YEAR.to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile((await saved.path())!)).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    const last = sheet.getRow(sheet.rowCount);
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(12).value]).toEqual(['Tổng cộng', commune.totals.received, commune.totals.overdue]);
    expect(sheet.getRow(3).getCell(1).value).toBe(commune.rows[0].label);

    // Back up to the province through the breadcrumb; the ranking compares its districts.
    await page.getByRole('navigation', { name: 'Cấp đơn vị đang xem' }).getByRole('button', { name: 'Tỉnh Khánh Hòa', exact: true }).click();
    await page.getByRole('button', { name: 'Thành phố Nha Trang', exact: true }).waitFor();
    expect(await headlines(page)).toEqual(expectedHeadlines(province.totals));
    await page.getByRole('tab', { name: 'Xếp hạng đơn vị' }).click();
    await page.getByRole('tabpanel', { name: 'Xếp hạng đơn vị' }).getByText('Xã, phường, thị trấn').click();
    const ranked = page.getByRole('row').filter({ hasText: 'Phường Lộc Thọ' });
    await ranked.waitFor();
    expect(await ranked.innerText()).toMatch(/1\s+Phường Lộc Thọ\s+1\s+100%/);
    await screenshot(page, 'supervisor-ranking');

    // Last year, by the picker's preset: the dossier was new then, and already overdue at the year's end.
    await page.getByLabel('Kỳ báo cáo').click();
    await page.getByText('Năm trước', { exact: true }).click();
    const lastYearReport = await report({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, groupBy: 'district' });
    expect(lastYearReport.totals).toMatchObject({ received: 1, newInPerson: 1, overdue: 1 });
    await eventually(async () => expect(await headlines(page)).toEqual(expectedHeadlines(lastYearReport.totals)));
    expect(await page.getByLabel('Kỳ báo cáo').inputValue()).toBe(`01/01/${lastYear}`);
    await page.context().close();
  }, 60_000);
});
